package org.thicket.bramble.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.sync.api.MessageId;

/**
 * The acks one duplex connection owes for the messages read from it, passed from its incoming session to its
 * outgoing one. Recording each in the database and reading it back cost a write, a query and a commit per batch on
 * the receiver's busiest path. An ack held here and lost (the process dies, the connection breaks before it is
 * written) is not a lost message: the contact offers or sends the message again, and we ack it then.
 */
final class AckQueue {

    /** Beyond this many unwritten acks (the writer is stuck), the incoming session records them in the database. */
    static final int MAX_QUEUED = 10_000;

    private final Object lock = new Object();
    private final ArrayDeque<MessageId> owed = new ArrayDeque<>(); // guarded by lock
    private Runnable onOwed; // guarded by lock
    private boolean closed; // guarded by lock

    /**
     * Queues acks for the outgoing session. False, queueing nothing, once it has ended or if the queue would grow
     * beyond {@link #MAX_QUEUED}: the caller records them in the database instead.
     */
    boolean offer(Collection<MessageId> ids) {
        if (ids.isEmpty()) return true;
        Runnable wake;
        synchronized (lock) {
            if (closed || owed.size() + ids.size() > MAX_QUEUED) return false;
            owed.addAll(ids);
            wake = onOwed;
        }
        if (wake != null) wake.run();
        return true;
    }

    /** Called (on the offering thread) whenever acks are queued. */
    void setListener(Runnable onOwed) {
        synchronized (lock) {
            this.onOwed = onOwed;
        }
    }

    /** Up to {@code max} of the acks owed, oldest first, taken off the queue. */
    List<MessageId> take(int max) {
        synchronized (lock) {
            List<MessageId> taken = new ArrayList<>(Math.min(max, owed.size()));
            while (taken.size() < max && !owed.isEmpty()) taken.add(owed.poll());
            return taken;
        }
    }

    /**
     * The way around the queue, for acks it refused or still held when the connection ended: recorded as owed in the
     * database, where the next session to write to the contact finds them.
     */
    static void recordInDatabase(DatabaseComponent db, ContactId contactId, Collection<MessageId> ids)
            throws DbException {
        if (ids.isEmpty()) return;
        db.transaction(false, txn -> {
            for (MessageId id : ids) db.raiseAckFlag(txn, contactId, id);
        });
    }

    /** Ends the queue: later offers are refused. Returns the acks still owed. */
    List<MessageId> close() {
        synchronized (lock) {
            closed = true;
            List<MessageId> left = List.copyOf(owed);
            owed.clear();
            return left;
        }
    }
}
