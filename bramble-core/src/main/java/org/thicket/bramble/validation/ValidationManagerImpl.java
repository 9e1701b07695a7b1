package org.thicket.bramble.validation;

import static org.thicket.bramble.sync.api.MessageState.DELIVERED;
import static org.thicket.bramble.sync.api.MessageState.INVALID;
import static org.thicket.bramble.sync.api.MessageState.PENDING;
import static org.thicket.bramble.sync.api.MessageState.UNKNOWN;

import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.NoSuchMessageException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventListener;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.lifecycle.api.ServiceException;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageAddedEvent;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.bramble.sync.api.ReceivedMessageHandler;
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
 * delivery"). Messages an incoming session stores are taken up in the transaction that stores them
 * ({@link ReceivedMessageHandler}): a transaction of their own would be a second commit, and every commit writes
 * the encrypted database file. Everything else is queued: the event thread only queues work; validators, hooks and
 * transactions run on the validation executor. Each write transaction first checks that the message is still in
 * the state its work expects, so work queued twice (by an event and by the start-up recovery) is done once.
 * <p>
 * Queued messages are taken in batches of up to {@value #MAX_BATCH}, as many as are waiting: one read-only
 * transaction reads them with their groups, the validators run outside any transaction, and one read-write
 * transaction stores every outcome and offers the valid messages to their hooks: every commit writes the encrypted
 * database file, and commits, not validators, bounded the rate. If that transaction fails, the batch is stored again
 * one message per transaction, so one message whose hook throws holds up only itself. Dependents that a delivery
 * unblocks are delivered afterwards, one transaction each, in the order they become ready: a failing hook then
 * holds up only its own message, which stays PENDING and is retried at the next start.
 */
final class ValidationManagerImpl implements Service, EventListener, ReceivedMessageHandler {

    /** How long stopping waits for the task in progress; a task is a few short transactions. */
    static final long STOP_TIMEOUT_SECONDS = 30;

    /** The most queued messages one task takes: bounds a transaction's size and the work a stop waits for. */
    static final int MAX_BATCH = 128;

    private static final Logger LOG = LoggerFactory.getLogger(ValidationManagerImpl.class);

    /** A unit of work on the validation executor. */
    @FunctionalInterface
    private interface Task {
        void run() throws DbException;
    }

    /** One step over a batch of messages in a transaction, returning what it found or unblocked. */
    @FunctionalInterface
    private interface BatchStep<T, R> {
        List<R> apply(Transaction txn, List<T> batch) throws DbException;
    }

    /** A message to take up: one received from a contact to validate, or one of ours whose dependents may wait. */
    private record Queued(MessageId id, boolean received) {
    }

    /** A received message with its group, read for validation. */
    private record Received(Message message, Group group) {
    }

    /** A received message and what its validator found: its context if valid, null if invalid. */
    private record Validated(Received received, MessageContext context) {

        MessageId id() {
            return received.message().getId();
        }

        @Override
        public String toString() {
            return id().toString();
        }
    }

    /** Received PENDING messages that a delivery in a committed transaction unblocked; delivered after it. */
    private record DependentsUnblocked(List<MessageId> ids) implements Event {
    }

    private final DatabaseComponent db;
    private final EventBus eventBus;
    private final MessageFactory messageFactory;
    private final Map<ClientMajorVersion, MessageValidator> validators;
    private final Map<ClientMajorVersion, IncomingMessageHook> hooks;
    private final ExecutorService executor;
    private final Queue<Queued> queue = new ConcurrentLinkedQueue<>();
    /** Whether a task that will take from the queue is already submitted and has not started taking yet. */
    private final AtomicBoolean batchSubmitted = new AtomicBoolean();

    /**
     * Messages taken up in the transaction that stored them, until its {@code MessageAddedEvent} arrives: the event
     * is not work to queue. Added only once the whole batch was taken up; removed if the transaction rolls back.
     */
    private final Set<MessageId> takenUpOnReceipt = ConcurrentHashMap.newKeySet();

    private volatile boolean stopping;
    /**
     * False once the database is known to hold no PENDING message, so that none can wait for a message of ours
     * and adding one needs no look-up. Only this class writes PENDING: it sets this inside the transaction that
     * does, and clears it inside a read-only one that found none, so no writer runs between the look and the
     * write.
     */
    private volatile boolean pendingMayExist = true;

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
     * Lets the task in progress finish its transaction and drops the queued work: what it would have done is
     * still UNKNOWN or PENDING in the database and is redone at the next start. A batch in progress commits what it
     * has done so far and leaves the rest. Running tasks are not interrupted, because an interrupt in the middle of
     * database I/O can close the database file under everyone.
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
        if (event instanceof DependentsUnblocked unblocked) {
            submit("deliver the dependents of received messages", () -> deliverInTurn(unblocked.ids()));
            return;
        }
        if (!(event instanceof MessageAddedEvent added)) return;
        MessageId id = added.message().getId();
        boolean received = added.contactId() != null;
        if (received && takenUpOnReceipt.remove(id)) return;
        // Ours (no sender): received messages may have been waiting for it.
        enqueue(List.of(new Queued(id, received)));
    }

    /**
     * Validates the messages and stores the outcomes as a queued batch would, in the storing transaction; the
     * dependents their delivery unblocks are delivered after it commits, each in a transaction of its own.
     */
    @Override
    public void handleStored(Transaction txn, ContactId sender, List<Message> messages) throws DbException {
        Map<GroupId, Group> groups = new HashMap<>();
        List<MessageId> unblocked = new ArrayList<>();
        for (Message message : messages) {
            Validated outcome = validate(new Received(message, groupOf(txn, message, groups)));
            // Stored by this transaction a moment ago, so still UNKNOWN: no need to ask.
            if (outcome != null) unblocked.addAll(storeOutcome(txn, outcome));
        }
        if (!unblocked.isEmpty()) txn.attach(new DependentsUnblocked(unblocked));
        for (Message message : messages) takenUpOnReceipt.add(message.getId());
    }

    @Override
    public void handlingRolledBack(List<Message> messages) {
        for (Message message : messages) takenUpOnReceipt.remove(message.getId());
    }

    private void enqueue(Collection<Queued> work) {
        queue.addAll(work);
        if (batchSubmitted.compareAndSet(false, true)) submit("process a batch of messages", this::processBatch);
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
            // The transaction rolled back: the messages keep their state and are taken up again at the next start.
            LOG.error("Could not {}", what, e);
        }
    }

    private void recover() throws DbException {
        Collection<MessageId> unknown = db.transactionWithResult(true, txn -> db.getMessageIdsInState(txn, UNKNOWN));
        if (!unknown.isEmpty()) enqueue(unknown.stream().map(id -> new Queued(id, true)).toList());
        Collection<MessageId> pending = db.transactionWithResult(true, txn -> {
            Collection<MessageId> found = db.getMessageIdsInState(txn, PENDING);
            if (found.isEmpty()) pendingMayExist = false;
            return found;
        });
        if (!unknown.isEmpty() || !pending.isEmpty()) {
            LOG.info("Validating {} messages and retrying the delivery of {}", unknown.size(), pending.size());
        }
        deliverInTurn(pending);
    }

    /** Takes up to {@link #MAX_BATCH} queued messages; whatever is left, or arrives meanwhile, gets a task too. */
    private void processBatch() {
        // Cleared before taking, so work queued from now on submits a task of its own.
        batchSubmitted.set(false);
        List<MessageId> ours = new ArrayList<>();
        List<MessageId> received = new ArrayList<>();
        for (Queued q; ours.size() + received.size() < MAX_BATCH && (q = queue.poll()) != null; ) {
            (q.received() ? received : ours).add(q.id());
        }
        try {
            // Each on its own, so that a failure in one does not leave the other's messages for the next start.
            if (!ours.isEmpty()) run("deliver the dependents of our messages", () -> deliverDependentsOf(ours));
            if (!received.isEmpty()) run("validate " + received.size() + " messages", () -> validate(received));
        } finally {
            if (!queue.isEmpty() && batchSubmitted.compareAndSet(false, true)) {
                submit("process a batch of messages", this::processBatch);
            }
        }
    }

    private void validate(List<MessageId> ids) throws DbException {
        List<Received> batch = inOneOrEach(true, "read for validation", ids, this::readUnvalidated);
        List<Validated> outcomes = new ArrayList<>(batch.size());
        for (Received received : batch) {
            if (stopping) return;
            Validated outcome = validate(received);
            if (outcome != null) outcomes.add(outcome);
        }
        if (outcomes.isEmpty()) return;
        deliverInTurn(inOneOrEach(false, "store the validation of", outcomes, this::storeAll));
    }

    /**
     * Runs the step over the whole batch in one transaction; if that fails, over each item in a transaction of its
     * own, so that one message whose hook throws or whose record is damaged holds up only itself.
     */
    private <T, R> List<R> inOneOrEach(boolean readOnly, String what, List<T> batch, BatchStep<T, R> step)
            throws DbException {
        try {
            return db.transactionWithResult(readOnly, txn -> step.apply(txn, batch));
        } catch (DbException | RuntimeException e) {
            if (batch.size() == 1) throw e;
            LOG.warn("Could not {} {} messages in one transaction; taking them one by one", what, batch.size(), e);
        }
        List<R> results = new ArrayList<>();
        for (T item : batch) {
            if (stopping) break;
            try {
                results.addAll(db.transactionWithResult(readOnly, txn -> step.apply(txn, List.of(item))));
            } catch (DbException | RuntimeException e) {
                // The transaction rolled back: the message keeps its state and is taken up again at the next start.
                LOG.error("Could not {} message {}", what, item, e);
            }
        }
        return results;
    }

    /** The messages that still wait for validation, with their groups, in the order given. */
    private List<Received> readUnvalidated(Transaction txn, List<MessageId> ids) throws DbException {
        Map<GroupId, Group> groups = new HashMap<>();
        List<Received> unvalidated = new ArrayList<>(ids.size());
        for (MessageId id : ids) {
            if (!isInState(txn, id, UNKNOWN)) continue;
            Message message = read(txn, id);
            unvalidated.add(new Received(message, groupOf(txn, message, groups)));
        }
        return unvalidated;
    }

    /** The message's group, read once per batch: a batch's messages are mostly of a few groups. */
    private Group groupOf(Transaction txn, Message message, Map<GroupId, Group> read) throws DbException {
        Group group = read.get(message.getGroupId());
        if (group != null) return group;
        group = db.getGroup(txn, message.getGroupId());
        read.put(group.getId(), group);
        return group;
    }

    /** What the message's validator says, or null if its client has no validator here (it stays UNKNOWN). */
    private Validated validate(Received received) {
        MessageId id = received.message().getId();
        ClientMajorVersion client = clientOf(received.group());
        MessageValidator validator = validators.get(client);
        if (validator == null) {
            LOG.debug("No validator for {}; message {} stays unvalidated", client, id);
            return null;
        }
        try {
            return new Validated(received, validator.validateMessage(received.message(), received.group()));
        } catch (InvalidMessageException e) {
            // Debug only: a peer can send any number of these, and they are its fault, not ours.
            LOG.debug("Message {} is invalid: {}", id, e.getMessage());
            return new Validated(received, null);
        }
    }

    /** Stores the outcomes in order until they are done or the service stops; returns the dependents unblocked. */
    private List<MessageId> storeAll(Transaction txn, List<Validated> outcomes) throws DbException {
        List<MessageId> unblocked = new ArrayList<>();
        for (Validated outcome : outcomes) {
            if (stopping) break; // commit what is done; the rest is still UNKNOWN
            unblocked.addAll(store(txn, outcome));
        }
        return unblocked;
    }

    /** Stores the outcome of a message that is still UNKNOWN (another task may have validated it meanwhile). */
    private List<MessageId> store(Transaction txn, Validated outcome) throws DbException {
        return isInState(txn, outcome.id(), UNKNOWN) ? storeOutcome(txn, outcome) : List.of();
    }

    /**
     * Marks an invalid UNKNOWN message INVALID, or stores what validation learned about a valid one and delivers it
     * if it can; returns the dependents it unblocked.
     */
    private List<MessageId> storeOutcome(Transaction txn, Validated outcome) throws DbException {
        MessageId id = outcome.id();
        MessageContext context = outcome.context();
        if (context == null) {
            invalidate(txn, id);
            return List.of();
        }
        db.mergeMessageMetadata(txn, id, context.metadata());
        db.addMessageDependencies(txn, id, context.dependencies());
        // PENDING is announced now but written only if delivery leaves it there: most messages are delivered in
        // this transaction, and every state write also rewrites the state's copies in metadata and statuses.
        txn.attach(new MessageStateChangedEvent(id, false, PENDING));
        Received received = outcome.received();
        return deliver(txn, received.message(), received.group(), context.metadata(), true);
    }

    /** Our messages were added: delivers the received messages that waited for them. */
    private void deliverDependentsOf(List<MessageId> ours) throws DbException {
        if (!pendingMayExist) return;
        deliverInTurn(db.transactionWithResult(true, txn -> {
            List<MessageId> waiting = new ArrayList<>();
            for (MessageId id : ours) {
                if (isInState(txn, id, DELIVERED)) waiting.addAll(waitingDependents(txn, id));
            }
            return waiting;
        }));
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
        return deliver(txn, message, group, db.getMessageMetadata(txn, id), false);
    }

    /**
     * Delivers a PENDING message if all its dependencies are delivered and its hook accepts it, invalidates it if
     * a dependency is invalid or the hook rejects it, and otherwise leaves it PENDING. Returns the PENDING
     * dependents to try next if it was delivered, else nothing.
     */
    private List<MessageId> deliver(Transaction txn, Message message, Group group, Metadata metadata,
            boolean pendingUnwritten) throws DbException {
        MessageId id = message.getId();
        Collection<MessageState> dependencies = db.getMessageDependencies(txn, id).values();
        if (dependencies.contains(INVALID)) {
            invalidate(txn, id);
            return List.of();
        }
        if (!dependencies.stream().allMatch(state -> state == DELIVERED)) {
            return staysPending(txn, id, pendingUnwritten);
        }
        IncomingMessageHook hook = hooks.get(clientOf(group));
        if (hook == null) {
            LOG.warn("No delivery hook for {}; message {} waits", clientOf(group), id);
            return staysPending(txn, id, pendingUnwritten);
        }
        DeliveryAction action = Objects.requireNonNull(hook.incomingMessage(txn, message, metadata),
                "A hook returned no delivery action");
        if (action == DeliveryAction.REJECT) {
            invalidate(txn, id);
            return List.of();
        }
        if (action == DeliveryAction.DEFER) return staysPending(txn, id, pendingUnwritten);
        setState(txn, id, DELIVERED);
        if (action == DeliveryAction.ACCEPT_SHARE) db.setMessageShared(txn, id);
        return waitingDependents(txn, id);
    }

    /** A message that waits: PENDING is written now if only announced so far. Unblocks nothing. */
    private List<MessageId> staysPending(Transaction txn, MessageId id, boolean pendingUnwritten) throws DbException {
        pendingMayExist = true;
        if (pendingUnwritten) db.setMessageState(txn, id, PENDING);
        return List.of();
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

    /** One query: a message that is gone (its group was removed meanwhile) is in no state. */
    private boolean isInState(Transaction txn, MessageId id, MessageState state) throws DbException {
        try {
            return db.getMessageState(txn, id) == state;
        } catch (NoSuchMessageException e) {
            return false;
        }
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
