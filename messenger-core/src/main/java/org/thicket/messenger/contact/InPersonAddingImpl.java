package org.thicket.messenger.contact;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executor;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactExistsException;
import org.thicket.bramble.contactexchange.api.ContactExchangeManager;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.keyagreement.api.InvalidPayloadException;
import org.thicket.bramble.keyagreement.api.KeyAgreementException;
import org.thicket.bramble.keyagreement.api.KeyAgreementResult;
import org.thicket.bramble.keyagreement.api.KeyAgreementTask;
import org.thicket.bramble.keyagreement.api.KeyAgreementTaskFactory;
import org.thicket.bramble.keyagreement.api.Payload;
import org.thicket.bramble.keyagreement.api.PayloadCodec;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.plugin.api.IoExecutor;
import org.thicket.messenger.contact.api.InPersonAdding;
import org.thicket.messenger.contact.api.InPersonAddingFailure;
import org.thicket.messenger.contact.api.InPersonAddingStatus;
import org.thicket.messenger.contact.api.InPersonAddingStatusEvent;

/**
 * Holds the one current session. A session that was cancelled or replaced may still be running on the IO executor;
 * every status change names its session and is dropped unless that session is still the current one, so a stale
 * session never overwrites a newer status. Events are broadcast under the lock, so they arrive in status order.
 */
final class InPersonAddingImpl implements InPersonAdding, Service {

    private static final Logger LOG = LoggerFactory.getLogger(InPersonAddingImpl.class);

    private final KeyAgreementTaskFactory taskFactory;
    private final PayloadCodec payloadCodec;
    private final ContactExchangeManager contactExchange;
    private final EventBus eventBus;
    private final Executor ioExecutor;

    private Session session; // guarded by this: null when no session runs
    private InPersonAddingStatus status = InPersonAddingStatus.IDLE; // guarded by this

    /** One session: its task, and our payload once the task listens. */
    private static final class Session {
        final KeyAgreementTask task;
        byte[] payload; // guarded by the outer lock
        boolean scanned; // guarded by the outer lock

        Session(KeyAgreementTask task) {
            this.task = task;
        }
    }

    @Inject
    InPersonAddingImpl(KeyAgreementTaskFactory taskFactory, PayloadCodec payloadCodec,
            ContactExchangeManager contactExchange, EventBus eventBus, @IoExecutor Executor ioExecutor) {
        this.taskFactory = taskFactory;
        this.payloadCodec = payloadCodec;
        this.contactExchange = contactExchange;
        this.eventBus = eventBus;
        this.ioExecutor = ioExecutor;
    }

    @Override
    public byte[] start() throws KeyAgreementException {
        Session started;
        synchronized (this) {
            if (session != null) throw new IllegalStateException("A session is running; cancel it first");
            started = session = new Session(taskFactory.createTask());
        }
        byte[] payload;
        try {
            payload = started.task.listen();
        } catch (KeyAgreementException e) {
            update(started, InPersonAddingStatus.failed(InPersonAddingFailure.forKeyAgreement(e.getReason())));
            throw e;
        }
        synchronized (this) {
            if (session != started) {
                throw new KeyAgreementException(KeyAgreementException.Reason.CANCELLED, "Cancelled while starting");
            }
            started.payload = payload;
            setStatus(InPersonAddingStatus.WAITING);
        }
        return payload.clone();
    }

    @Override
    public void scan(byte[] scanned) throws InvalidPayloadException {
        Payload payload = payloadCodec.parse(scanned);
        Session scanning;
        synchronized (this) {
            scanning = session;
            if (scanning == null || scanning.payload == null || scanning.scanned) {
                throw new IllegalStateException("No session is waiting for a scan");
            }
            scanning.scanned = true;
            setStatus(InPersonAddingStatus.CONNECTING);
        }
        ioExecutor.execute(() -> run(scanning, payload));
    }

    private void run(Session running, Payload peer) {
        KeyAgreementResult result;
        try {
            result = running.task.connect(peer);
        } catch (KeyAgreementException e) {
            update(running, InPersonAddingStatus.failed(InPersonAddingFailure.forKeyAgreement(e.getReason())));
            return;
        }
        // The exchange runs even if the session was cancelled meanwhile: the peer is already exchanging with us.
        update(running, InPersonAddingStatus.EXCHANGING);
        try {
            Contact contact = contactExchange.exchangeContacts(result.transportId(), result.connection(),
                    result.masterKey(), result.alice(), true);
            update(running, InPersonAddingStatus.added(contact.id()));
        } catch (ContactExistsException e) {
            update(running, InPersonAddingStatus.failed(InPersonAddingFailure.CONTACT_EXISTS));
        } catch (IOException | DbException | RuntimeException e) {
            LOG.info("Contact exchange after key agreement failed: {}", e.toString());
            update(running, InPersonAddingStatus.failed(InPersonAddingFailure.EXCHANGE_FAILED));
        }
    }

    @Override
    public synchronized Optional<byte[]> payload() {
        if (session == null || session.payload == null || status.state() == InPersonAddingStatus.State.EXCHANGING) {
            return Optional.empty();
        }
        return Optional.of(session.payload.clone());
    }

    @Override
    public synchronized InPersonAddingStatus status() {
        return status;
    }

    @Override
    public void cancel() {
        Session cancelled;
        synchronized (this) {
            cancelled = session;
            session = null;
            if (status.state() != InPersonAddingStatus.State.IDLE) setStatus(InPersonAddingStatus.IDLE);
        }
        if (cancelled != null) cancelled.task.cancel();
    }

    /** Sets the status if this session is still the current one; a final status ends the session. */
    private synchronized void update(Session from, InPersonAddingStatus next) {
        if (session != from) return;
        if (!next.isActive()) session = null;
        setStatus(next);
    }

    private synchronized void setStatus(InPersonAddingStatus next) {
        status = next;
        eventBus.broadcast(new InPersonAddingStatusEvent(next));
    }

    @Override
    public void startService() {
    }

    @Override
    public void stopService() {
        cancel();
    }
}
