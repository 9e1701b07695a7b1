package org.thicket.bramble.sync;

import static org.thicket.bramble.sync.SyncRecordTypes.ACK;
import static org.thicket.bramble.sync.SyncRecordTypes.MESSAGE;
import static org.thicket.bramble.sync.SyncRecordTypes.OFFER;
import static org.thicket.bramble.sync.SyncRecordTypes.PRIORITY;
import static org.thicket.bramble.sync.SyncRecordTypes.REQUEST;
import static org.thicket.bramble.sync.SyncRecordTypes.VERSIONS;

import java.io.IOException;
import java.util.List;
import org.thicket.bramble.record.api.Record;
import org.thicket.bramble.record.api.RecordWriter;
import org.thicket.bramble.sync.api.Ack;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.Offer;
import org.thicket.bramble.sync.api.Priority;
import org.thicket.bramble.sync.api.Request;
import org.thicket.bramble.sync.api.SyncConstants;
import org.thicket.bramble.sync.api.SyncRecordWriter;
import org.thicket.bramble.sync.api.Versions;
import org.thicket.bramble.util.UniqueId;

final class SyncRecordWriterImpl implements SyncRecordWriter {

    private final RecordWriter records;

    SyncRecordWriterImpl(RecordWriter records) {
        this.records = records;
    }

    @Override
    public void writeAck(Ack ack) throws IOException {
        writeIds(ACK, ack.messageIds());
    }

    @Override
    public void writeMessage(Message message) throws IOException {
        write(MESSAGE, message.getRaw());
    }

    @Override
    public void writeOffer(Offer offer) throws IOException {
        writeIds(OFFER, offer.messageIds());
    }

    @Override
    public void writeRequest(Request request) throws IOException {
        writeIds(REQUEST, request.messageIds());
    }

    @Override
    public void writeVersions(Versions versions) throws IOException {
        List<Integer> list = versions.versions();
        byte[] payload = new byte[list.size()];
        for (int i = 0; i < payload.length; i++) payload[i] = list.get(i).byteValue();
        write(VERSIONS, payload);
    }

    @Override
    public void writePriority(Priority priority) throws IOException {
        write(PRIORITY, priority.getNonce());
    }

    @Override
    public void flush() throws IOException {
        records.flush();
    }

    private void writeIds(int type, List<MessageId> ids) throws IOException {
        for (int from = 0; from < ids.size(); from += SyncConstants.MAX_MESSAGE_IDS) {
            int to = Math.min(ids.size(), from + SyncConstants.MAX_MESSAGE_IDS);
            byte[] payload = new byte[(to - from) * UniqueId.LENGTH];
            for (int i = from; i < to; i++) {
                System.arraycopy(ids.get(i).getBytes(), 0, payload, (i - from) * UniqueId.LENGTH, UniqueId.LENGTH);
            }
            write(type, payload);
        }
    }

    private void write(int type, byte[] payload) throws IOException {
        records.writeRecord(new Record(SyncConstants.PROTOCOL_VERSION, type, payload));
    }
}
