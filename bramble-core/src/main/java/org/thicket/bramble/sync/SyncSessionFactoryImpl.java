package org.thicket.bramble.sync;

import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.Set;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.stream.api.StreamWriter;
import org.thicket.bramble.sync.api.AckHandler;
import org.thicket.bramble.sync.api.DuplexSessions;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.sync.api.Priority;
import org.thicket.bramble.sync.api.PriorityHandler;
import org.thicket.bramble.sync.api.ReceivedMessageHandler;
import org.thicket.bramble.sync.api.SyncRecordReaderFactory;
import org.thicket.bramble.sync.api.SyncRecordWriterFactory;
import org.thicket.bramble.sync.api.SyncSession;
import org.thicket.bramble.sync.api.SyncSessionFactory;

final class SyncSessionFactoryImpl implements SyncSessionFactory {

    private final DatabaseComponent db;
    private final EventBus eventBus;
    private final MessageFactory messageFactory;
    private final SyncRecordReaderFactory readerFactory;
    private final SyncRecordWriterFactory writerFactory;
    private final ReceivedMessageHandler receivedMessageHandler;
    private final Set<AckHandler> ackHandlers;

    @Inject
    SyncSessionFactoryImpl(DatabaseComponent db, EventBus eventBus, MessageFactory messageFactory,
            SyncRecordReaderFactory readerFactory, SyncRecordWriterFactory writerFactory,
            ReceivedMessageHandler receivedMessageHandler, Set<AckHandler> ackHandlers) {
        this.db = db;
        this.receivedMessageHandler = receivedMessageHandler;
        this.ackHandlers = Set.copyOf(ackHandlers);
        this.eventBus = eventBus;
        this.messageFactory = messageFactory;
        this.readerFactory = readerFactory;
        this.writerFactory = writerFactory;
    }

    @Override
    public SyncSession createIncomingSession(ContactId contactId, InputStream in, PriorityHandler priorityHandler) {
        return incoming(contactId, in, priorityHandler, null);
    }

    @Override
    public SyncSession createSimplexOutgoingSession(ContactId contactId, TransportId transportId, long maxLatency,
            boolean eager, StreamWriter streamWriter) {
        return new SimplexOutgoingSession(records(contactId, maxLatency, streamWriter), streamWriter, eager);
    }

    @Override
    public DuplexSessions createDuplexSessions(ContactId contactId) {
        AckQueue acks = new AckQueue();
        return new DuplexSessions() {
            @Override
            public SyncSession createIncomingSession(InputStream in, PriorityHandler priorityHandler) {
                return incoming(contactId, in, priorityHandler, acks);
            }

            @Override
            public SyncSession createOutgoingSession(TransportId transportId, long maxLatency, long maxIdleTime,
                    StreamWriter streamWriter, Priority priority) {
                return new DuplexOutgoingSession(records(contactId, maxLatency, streamWriter), acks, eventBus,
                        contactId, transportId, maxIdleTime, streamWriter, priority);
            }
        };
    }

    private IncomingSession incoming(ContactId contactId, InputStream in, PriorityHandler priorityHandler,
            AckQueue acks) {
        return new IncomingSession(db, receivedMessageHandler, ackHandlers, contactId, in,
                readerFactory.createRecordReader(in), priorityHandler, acks);
    }

    private OutgoingRecords records(ContactId contactId, long maxLatency, StreamWriter streamWriter) {
        return new OutgoingRecords(db, messageFactory, contactId, maxLatency,
                writerFactory.createRecordWriter(streamWriter.getOutputStream()));
    }
}
