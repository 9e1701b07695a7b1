package org.thicket.messenger.headless.console;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.connection.api.ContactConnectedEvent;
import org.thicket.bramble.connection.api.ContactDisconnectedEvent;
import org.thicket.bramble.contact.api.ContactAddedEvent;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.contact.api.ContactRemovedEvent;
import org.thicket.bramble.contact.api.NoSuchContactException;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.TransactionManager;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventListener;
import org.thicket.messenger.contact.api.InPersonAddingStatusEvent;
import org.thicket.messenger.headless.service.Conversations;
import org.thicket.messenger.messaging.api.PrivateMessageDeliveredEvent;
import org.thicket.messenger.messaging.api.PrivateMessageReceivedEvent;

/**
 * {@code events on|off}: prints incoming messages, deliveries, contacts added and removed, connections and the
 * progress of adding in person as they happen, each line starting with '*'. The event thread only hands an event
 * over; a thread of our own reads what it refers to and prints it. If that thread falls far behind, events are
 * dropped and the next line says how many.
 */
final class EventPrinter implements EventListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventPrinter.class);
    private static final int MAX_QUEUED_EVENTS = 1000;
    private static final String PREFIX = "* ";

    private final EventBus eventBus;
    private final TransactionManager db;
    private final ContactManager contacts;
    private final Conversations conversations;
    private final ConsoleFormat format;
    private final ConsoleOutput out;
    private final AtomicInteger dropped = new AtomicInteger();
    private final ExecutorService printer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(MAX_QUEUED_EVENTS), r -> {
                Thread t = new Thread(r, "thicket-console-events");
                t.setDaemon(true);
                return t;
            });
    private boolean on;

    EventPrinter(EventBus eventBus, TransactionManager db, ContactManager contacts, Conversations conversations,
            ConsoleFormat format, ConsoleOutput out) {
        this.eventBus = eventBus;
        this.db = db;
        this.contacts = contacts;
        this.conversations = conversations;
        this.format = format;
        this.out = out;
    }

    List<Command> commands() {
        return List.of(new Command("events", "on|off", "print messages, deliveries, contacts and connections as "
                + "they happen", args -> {
                    String choice = args.word("on or off");
                    args.end();
                    switch (choice) {
                        case "on" -> turnOn();
                        case "off" -> turnOff();
                        default -> throw new ConsoleException("events takes on or off, not: " + choice);
                    }
                    out.line("Events " + choice);
                }));
    }

    private synchronized void turnOn() {
        if (!on) eventBus.addListener(this);
        on = true;
    }

    private synchronized void turnOff() {
        if (on) eventBus.removeListener(this);
        on = false;
    }

    @Override
    public void eventOccurred(Event event) {
        if (!shown(event)) return;
        try {
            printer.execute(() -> print(event));
        } catch (RejectedExecutionException e) {
            if (!printer.isShutdown()) dropped.incrementAndGet();
        }
    }

    private static boolean shown(Event e) {
        return e instanceof PrivateMessageReceivedEvent || e instanceof PrivateMessageDeliveredEvent
                || e instanceof ContactAddedEvent || e instanceof ContactRemovedEvent
                || e instanceof ContactConnectedEvent || e instanceof ContactDisconnectedEvent
                || e instanceof InPersonAddingStatusEvent;
    }

    private void print(Event event) {
        int missed = dropped.getAndSet(0);
        if (missed > 0) out.line(PREFIX + missed + " events not shown: too many at once");
        try {
            out.line(PREFIX + describe(event));
        } catch (DbException e) {
            LOG.warn("Could not read what the event {} refers to", event.getClass().getSimpleName(), e);
        }
    }

    private String describe(Event event) throws DbException {
        if (event instanceof PrivateMessageReceivedEvent e) {
            return "message from " + contact(e.contactId()) + ": "
                    + format.message(e.header(), conversations.text(e.header()));
        }
        if (event instanceof PrivateMessageDeliveredEvent e) {
            return "delivered to " + contact(e.contactId()) + ": message "
                    + ConsoleFormat.hex(e.messageId().getBytes()).substring(0, 16);
        }
        if (event instanceof ContactAddedEvent e) return "contact added: " + contact(e.contactId());
        if (event instanceof ContactRemovedEvent e) return "contact removed: " + ConsoleFormat.contactId(e.contactId());
        if (event instanceof ContactConnectedEvent e) return "connected: " + contact(e.contactId());
        if (event instanceof ContactDisconnectedEvent e) return "disconnected: " + contact(e.contactId());
        return InPersonCommands.status(((InPersonAddingStatusEvent) event).status());
    }

    /** The contact with their name; just the ID if they were removed meanwhile. */
    private String contact(ContactId id) throws DbException {
        try {
            return ConsoleFormat.contact(db.transactionWithResult(true, txn -> contacts.getContact(txn, id)));
        } catch (NoSuchContactException gone) {
            return ConsoleFormat.contactId(id);
        }
    }

    /** Stops listening and printing; events after this are dropped. */
    @Override
    public void close() {
        turnOff();
        printer.shutdownNow();
    }
}
