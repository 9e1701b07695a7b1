package org.thicket.bramble.db.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.thicket.bramble.event.api.Event;

/**
 * One unit of database work. Code attaches the events its changes cause; they are broadcast, in attachment order,
 * only if and after the transaction commits.
 */
public final class Transaction {

    private final Object connection;
    private final boolean readOnly;
    private final List<Event> events = new ArrayList<>();
    private boolean committed;

    public Transaction(Object connection, boolean readOnly) {
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /** The implementation's handle (a JDBC connection); only the database layer looks at it. */
    public Object unbox() {
        return connection;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public void attach(Event event) {
        if (readOnly) throw new IllegalStateException("A read-only transaction changes nothing to announce");
        events.add(event);
    }

    public List<Event> getEvents() {
        return Collections.unmodifiableList(events);
    }

    public boolean isCommitted() {
        return committed;
    }

    public void setCommitted() {
        committed = true;
    }
}
