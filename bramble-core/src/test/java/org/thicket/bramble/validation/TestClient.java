package org.thicket.bramble.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import com.google.inject.AbstractModule;
import com.google.inject.Module;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.util.UniqueId;
import org.thicket.bramble.validation.api.ClientMajorVersion;
import org.thicket.bramble.validation.api.DeliveryAction;
import org.thicket.bramble.validation.api.InvalidMessageException;
import org.thicket.bramble.validation.api.MessageContext;

/**
 * A client for the validation tests. A body is the BDF list {@code [text, dependencyId...]}; the validator stores
 * the text as metadata "text" and the IDs as dependencies, and rejects any other body. The hook records every
 * message it is offered and answers with the action set for it, ACCEPT_SHARE by default. It can also hold one
 * message's delivery until the test releases it, or throw when offered some messages.
 */
final class TestClient {

    static final ClientId ID = new ClientId("org.thicket.test.validation");
    static final int MAX_TEXT_BYTES = 100;
    static final long GATE_TIMEOUT_SECONDS = 10;

    /** Holds the hook when it is offered {@code id}, or the first message offered if null, until release opens. */
    record Gate(MessageId id, CountDownLatch entered, CountDownLatch release) {
    }

    private final BdfCodec codec;
    private final ClientMajorVersion key;
    private final Map<MessageId, DeliveryAction> actions = new ConcurrentHashMap<>();
    private final List<MessageId> offered = Collections.synchronizedList(new ArrayList<>());
    private final Map<MessageId, Metadata> offeredMetadata = new ConcurrentHashMap<>();
    private final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final Set<MessageId> failing = ConcurrentHashMap.newKeySet();
    private volatile Gate gate;

    /** The client {@link #ID}, major version 0. */
    TestClient(BdfCodec codec) {
        this(codec, new ClientMajorVersion(ID, 0));
    }

    TestClient(BdfCodec codec, ClientMajorVersion key) {
        this.codec = codec;
        this.key = key;
    }

    /** Contributes the validator and the hook, as a client's module does. */
    Module module() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                ValidationModule.validators(binder()).addBinding(key).toInstance(TestClient.this::validate);
                ValidationModule.hooks(binder()).addBinding(key).toInstance(TestClient.this::deliver);
            }
        };
    }

    /** Contributes the validator alone: a client that cannot take deliveries. */
    Module validatorOnlyModule() {
        return new AbstractModule() {
            @Override
            protected void configure() {
                ValidationModule.validators(binder()).addBinding(key).toInstance(TestClient.this::validate);
            }
        };
    }

    static BdfList body(String text, MessageId... dependencies) {
        BdfList body = BdfList.of(text);
        for (MessageId d : dependencies) body.add(d.getBytes());
        return body;
    }

    Metadata metadata(String text) {
        return Metadata.EMPTY.with("text", codec.encode(text));
    }

    void setAction(MessageId id, DeliveryAction action) {
        actions.put(id, action);
    }

    /** The hook throws when it is offered this message, as a buggy client would. */
    void failDelivery(MessageId id) {
        failing.add(id);
    }

    void holdDelivery(Gate gate) {
        this.gate = gate;
    }

    /** The messages offered to the hook, in order, repeats included. */
    List<MessageId> offered() {
        synchronized (offered) {
            return List.copyOf(offered);
        }
    }

    Metadata offeredMetadata(MessageId id) {
        return offeredMetadata.get(id);
    }

    /** The names of the threads the validator and the hook ran on. */
    Set<String> threads() {
        return Set.copyOf(threads);
    }

    private MessageContext validate(Message message, Group group) throws InvalidMessageException {
        threads.add(Thread.currentThread().getName());
        try {
            BdfList body = codec.decodeList(message.getBody());
            String text = body.getString(0, MAX_TEXT_BYTES);
            List<MessageId> dependencies = new ArrayList<>();
            for (int i = 1; i < body.size(); i++) dependencies.add(new MessageId(body.getRawOfLength(i, UniqueId.LENGTH)));
            return new MessageContext(metadata(text), dependencies);
        } catch (FormatException e) {
            throw new InvalidMessageException("Not a test message", e);
        }
    }

    private DeliveryAction deliver(Transaction txn, Message message, Metadata metadata) {
        threads.add(Thread.currentThread().getName());
        offered.add(message.getId());
        offeredMetadata.put(message.getId(), metadata);
        if (failing.contains(message.getId())) throw new IllegalStateException("The hook failed on purpose");
        Gate g = gate;
        if (g != null && (g.id() == null ? g.entered().getCount() > 0 : g.id().equals(message.getId()))) await(g);
        return actions.getOrDefault(message.getId(), DeliveryAction.ACCEPT_SHARE);
    }

    private static void await(Gate g) {
        g.entered().countDown();
        try {
            if (!g.release().await(GATE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test never released the held delivery");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while holding a delivery", e);
        }
    }
}
