package org.thicket.bramble.validation;

import static org.thicket.bramble.sync.api.MessageState.DELIVERED;
import static org.thicket.bramble.sync.api.MessageState.INVALID;
import static org.thicket.bramble.sync.api.MessageState.PENDING;
import static org.thicket.bramble.sync.api.MessageState.UNKNOWN;

import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventListener;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.lifecycle.api.ServiceException;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageAddedEvent;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.validation.api.ClientMajorVersion;
import org.thicket.bramble.validation.api.DeliveryAction;
import org.thicket.bramble.validation.api.IncomingMessageHook;
import org.thicket.bramble.validation.api.InvalidMessageException;
import org.thicket.bramble.validation.api.MessageContext;
import org.thicket.bramble.validation.api.MessageStateChangedEvent;
import org.thicket.bramble.validation.api.MessageValidator;
import org.thicket.bramble.validation.api.ValidationExecutor;

/**
 * Validates the messages received from contacts and delivers them to their clients (specs/bsp.md, "Validation and
 * delivery"). The event thread only queues work; validators, hooks and every transaction run on the validation
 * executor, one transaction at a time per task. Each write transaction first checks that the message is still in
 * the state its task expects, so work queued twice (by an event and by the start-up recovery) is done once.
 * <p>
 * A valid message is stored, and offered to its hook if it can be, in one transaction. Dependents that this
 * delivery unblocks are delivered afterwards, one transaction each, in the order they become ready: a failing hook
 * then holds up only its own message, which stays PENDING and is retried at the next start.
 */
final class ValidationManagerImpl implements Service, EventListener {

    /** How long stopping waits for the task in progress; a task is a few short transactions. */
    static final long STOP_TIMEOUT_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(ValidationManagerImpl.class);

    /** A unit of work on the validation executor. */
    @FunctionalInterface
    private interface Task {
        void run() throws DbException;
    }

    /** A received message with its group, read for validation. */
    private record Received(Message message, Group group) {
    }

    private final DatabaseComponent db;
    private final EventBus eventBus;
    private final MessageFactory messageFactory;
    private final Map<ClientMajorVersion, MessageValidator> validators;
    private final Map<ClientMajorVersion, IncomingMessageHook> hooks;
    private final ExecutorService executor;

    private volatile boolean stopping;

    @Inject
    ValidationManagerImpl(DatabaseComponent db, EventBus eventBus, MessageFactory messageFactory,
            Map<ClientMajorVersion, MessageValidator> validators, Map<ClientMajorVersion, IncomingMessageHook> hooks,
            @ValidationExecutor ExecutorService executor) {
        this.db = db;
        this.eventBus = eventBus;
        this.messageFactory = messageFactory;
        this.validators = Map.copyOf(validators);
        this.hooks = Map.copyOf(hooks);
        this.executor = executor;
    }

    @Override
    public void startService() {
        eventBus.addListener(this);
        // Queued after the listener is added: whatever arrived before is found in the database by this task.
        submit("recover unfinished validation", this::recover);
    }

    /**
     * Lets the task in progress finish its transaction and drops the queued ones: what they would have done is
     * still UNKNOWN or PENDING in the database and is redone at the next start. Running tasks are not interrupted,
     * because an interrupt in the middle of database I/O can close the database file under everyone.
     */
    @Override
    public void stopService() throws ServiceException {
        stopping = true;
        eventBus.removeListener(this);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new ServiceException("Validation did not finish within " + STOP_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("Interrupted while waiting for validation to finish", e);
        }
    }

    @Override
    public void eventOccurred(Event event) {
        if (!(event instanceof MessageAddedEvent added)) return;
        MessageId id = added.message().getId();
        if (added.contactId() == null) {
            // One of ours: received messages may have been waiting for it.
            submit("deliver the dependents of " + id, () -> deliverDependentsOf(id));
        } else {
            submit("validate " + id, () -> validate(id));
        }
    }

    private void submit(String what, Task task) {
        try {
            executor.execute(() -> run(what, task));
        } catch (RejectedExecutionException e) {
            LOG.debug("Not queued while stopping: {}", what);
        }
    }

    private void run(String what, Task task) {
        if (stopping) return;
        try {
            task.run();
        } catch (DbException | RuntimeException e) {
            // The transaction rolled back: the message keeps its state and is taken up again at the next start.
            LOG.error("Could not {}", what, e);
        }
    }

    private void recover() throws DbException {
        Collection<MessageId> unknown = db.transactionWithResult(true, txn -> db.getMessageIdsInState(txn, UNKNOWN));
        for (MessageId id : unknown) submit("validate " + id, () -> validate(id));
        Collection<MessageId> pending = db.transactionWithResult(true, txn -> db.getMessageIdsInState(txn, PENDING));
        if (!unknown.isEmpty() || !pending.isEmpty()) {
            LOG.info("Validating {} messages and retrying the delivery of {}", unknown.size(), pending.size());
        }
        deliverInTurn(pending);
    }

    private void validate(MessageId id) throws DbException {
        Received received = db.transactionWithResult(true, txn -> readUnvalidated(txn, id));
        if (received == null) return;
        ClientMajorVersion client = clientOf(received.group());
        MessageValidator validator = validators.get(client);
        if (validator == null) {
            LOG.debug("No validator for {}; message {} stays unvalidated", client, id);
            return;
        }
        MessageContext context;
        try {
            context = validator.validateMessage(received.message(), received.group());
        } catch (InvalidMessageException e) {
            // Debug only: a peer can send any number of these, and they are its fault, not ours.
            LOG.debug("Message {} is invalid: {}", id, e.getMessage());
            db.transaction(false, txn -> {
                if (isInState(txn, id, UNKNOWN)) invalidate(txn, id);
            });
            return;
        }
        deliverInTurn(db.transactionWithResult(false, txn -> storeValid(txn, received, context)));
    }

    /** The message and its group if it still waits for validation, else null. */
    private Received readUnvalidated(Transaction txn, MessageId id) throws DbException {
        if (!isInState(txn, id, UNKNOWN)) return null;
        Message message = read(txn, id);
        return new Received(message, db.getGroup(txn, message.getGroupId()));
    }

    /** Stores what validation learned and delivers the message if it can; returns the dependents it unblocked. */
    private List<MessageId> storeValid(Transaction txn, Received received, MessageContext context)
            throws DbException {
        MessageId id = received.message().getId();
        if (!isInState(txn, id, UNKNOWN)) return List.of();
        db.mergeMessageMetadata(txn, id, context.metadata());
        db.addMessageDependencies(txn, id, context.dependencies());
        setState(txn, id, PENDING);
        return deliver(txn, received.message(), received.group(), context.metadata());
    }

    private void deliverDependentsOf(MessageId id) throws DbException {
        deliverInTurn(db.transactionWithResult(true,
                txn -> isInState(txn, id, DELIVERED) ? waitingDependents(txn, id) : List.of()));
    }

    /**
     * Tries to deliver each message, one transaction each, and then the dependents each delivery unblocks, in
     * the order they become ready: a chain is delivered from its root outwards.
     */
    private void deliverInTurn(Collection<MessageId> ready) throws DbException {
        Deque<MessageId> queue = new ArrayDeque<>(ready);
        while (!queue.isEmpty() && !stopping) {
            MessageId id = queue.poll();
            queue.addAll(db.transactionWithResult(false, txn -> deliverPending(txn, id)));
        }
    }

    private List<MessageId> deliverPending(Transaction txn, MessageId id) throws DbException {
        if (!isInState(txn, id, PENDING)) return List.of();
        Message message = read(txn, id);
        Group group = db.getGroup(txn, message.getGroupId());
        return deliver(txn, message, group, db.getMessageMetadata(txn, id));
    }

    /**
     * Delivers a PENDING message if all its dependencies are delivered and its hook accepts it, invalidates it if
     * a dependency is invalid or the hook rejects it, and otherwise leaves it PENDING. Returns the PENDING
     * dependents to try next if it was delivered, else nothing.
     */
    private List<MessageId> deliver(Transaction txn, Message message, Group group, Metadata metadata)
            throws DbException {
        MessageId id = message.getId();
        Collection<MessageState> dependencies = db.getMessageDependencies(txn, id).values();
        if (dependencies.contains(INVALID)) {
            invalidate(txn, id);
            return List.of();
        }
        if (!dependencies.stream().allMatch(state -> state == DELIVERED)) return List.of();
        IncomingMessageHook hook = hooks.get(clientOf(group));
        if (hook == null) {
            LOG.warn("No delivery hook for {}; message {} waits", clientOf(group), id);
            return List.of();
        }
        DeliveryAction action = Objects.requireNonNull(hook.incomingMessage(txn, message, metadata),
                "A hook returned no delivery action");
        if (action == DeliveryAction.REJECT) {
            invalidate(txn, id);
            return List.of();
        }
        if (action == DeliveryAction.DEFER) return List.of();
        setState(txn, id, DELIVERED);
        if (action == DeliveryAction.ACCEPT_SHARE) db.setMessageShared(txn, id);
        return waitingDependents(txn, id);
    }

    /** Marks the message INVALID, deletes its content and metadata, and does the same to its dependents. */
    private void invalidate(Transaction txn, MessageId first) throws DbException {
        Deque<MessageId> todo = new ArrayDeque<>(List.of(first));
        while (!todo.isEmpty()) {
            MessageId id = todo.pop();
            // A dependent reached along two paths is invalidated on the first.
            if (db.getMessageState(txn, id) == INVALID) continue;
            setState(txn, id, INVALID);
            db.deleteMessage(txn, id);
            db.deleteMessageMetadata(txn, id);
            todo.addAll(waitingDependents(txn, id));
        }
    }

    private List<MessageId> waitingDependents(Transaction txn, MessageId id) throws DbException {
        return db.getMessageDependents(txn, id).entrySet().stream()
                .filter(e -> e.getValue() == PENDING).map(Map.Entry::getKey).toList();
    }

    private boolean isInState(Transaction txn, MessageId id, MessageState state) throws DbException {
        return db.containsMessage(txn, id) && db.getMessageState(txn, id) == state;
    }

    /** A message that is not INVALID still has its content. */
    private Message read(Transaction txn, MessageId id) throws DbException {
        byte[] raw = db.getMessage(txn, id);
        if (raw == null) throw new DbException("Message " + id + " has no content");
        try {
            Message message = messageFactory.createMessage(raw);
            if (!message.getId().equals(id)) throw new DbException("Message " + id + " is stored under another ID");
            return message;
        } catch (FormatException e) {
            throw new DbException("Message " + id + " is stored malformed", e);
        }
    }

    private void setState(Transaction txn, MessageId id, MessageState state) throws DbException {
        db.setMessageState(txn, id, state);
        txn.attach(new MessageStateChangedEvent(id, false, state));
    }

    private static ClientMajorVersion clientOf(Group group) {
        return new ClientMajorVersion(group.getClientId(), group.getMajorVersion());
    }
}
