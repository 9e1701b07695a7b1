package org.thicket.bramble.sync;

import static org.thicket.bramble.sync.SyncRecordTypes.ACK;
import static org.thicket.bramble.sync.SyncRecordTypes.MESSAGE;
import static org.thicket.bramble.sync.SyncRecordTypes.OFFER;
import static org.thicket.bramble.sync.SyncRecordTypes.PRIORITY;
import static org.thicket.bramble.sync.SyncRecordTypes.REQUEST;
import static org.thicket.bramble.sync.SyncRecordTypes.VERSIONS;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.thicket.bramble.record.api.Record;
import org.thicket.bramble.record.api.RecordReader;
import org.thicket.bramble.sync.api.Ack;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageRecord;
import org.thicket.bramble.sync.api.Offer;
import org.thicket.bramble.sync.api.Priority;
import org.thicket.bramble.sync.api.Request;
import org.thicket.bramble.sync.api.SyncConstants;
import org.thicket.bramble.sync.api.SyncRecord;
import org.thicket.bramble.sync.api.SyncRecordReader;
import org.thicket.bramble.sync.api.Versions;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.util.UniqueId;

final class SyncRecordReaderImpl implements SyncRecordReader {

    private final RecordReader records;
    private final MessageFactory messageFactory;

    SyncRecordReaderImpl(RecordReader records, MessageFactory messageFactory) {
        this.records = records;
        this.messageFactory = messageFactory;
    }

    @Override
    public SyncRecord readRecord() throws IOException {
        Record record = records.readRecord(SyncRecordReaderImpl::isKnown, SyncRecordReaderImpl::isUnknownType);
        return record == null ? null : parse(record.recordType(), record.payload());
    }

    private static boolean isKnown(Record r) {
        return r.protocolVersion() == SyncConstants.PROTOCOL_VERSION && r.recordType() <= PRIORITY;
    }

    private static boolean isUnknownType(Record r) {
        return r.protocolVersion() == SyncConstants.PROTOCOL_VERSION && r.recordType() > PRIORITY;
    }

    private SyncRecord parse(int type, byte[] payload) throws FormatException {
        return switch (type) {
            case ACK -> new Ack(readIds(payload, "ACK"));
            case MESSAGE -> new MessageRecord(messageFactory.createMessage(payload));
            case OFFER -> new Offer(readIds(payload, "OFFER"));
            case REQUEST -> new Request(readIds(payload, "REQUEST"));
            case VERSIONS -> readVersions(payload);
            case PRIORITY -> readPriority(payload);
            default -> throw new IllegalStateException("Record type " + type + " was accepted but is unknown");
        };
    }

    /** The record layer caps a payload at 48 KiB, so a list never holds more than MAX_MESSAGE_IDS IDs. */
    private static List<MessageId> readIds(byte[] payload, String record) throws FormatException {
        if (payload.length == 0) throw new FormatException("An empty " + record + " record");
        if (payload.length % UniqueId.LENGTH != 0) {
            throw new FormatException("The " + record + " payload of " + payload.length
                    + " bytes is not a multiple of " + UniqueId.LENGTH);
        }
        List<MessageId> ids = new ArrayList<>(payload.length / UniqueId.LENGTH);
        for (int off = 0; off < payload.length; off += UniqueId.LENGTH) {
            ids.add(new MessageId(Arrays.copyOfRange(payload, off, off + UniqueId.LENGTH)));
        }
        return ids;
    }

    private static Versions readVersions(byte[] payload) throws FormatException {
        if (payload.length == 0 || payload.length > SyncConstants.MAX_SUPPORTED_VERSIONS) {
            throw new FormatException("A VERSIONS record lists 1 to " + SyncConstants.MAX_SUPPORTED_VERSIONS
                    + " versions, not " + payload.length);
        }
        List<Integer> versions = new ArrayList<>(payload.length);
        for (byte v : payload) versions.add(v & 0xFF);
        return new Versions(versions);
    }

    private static Priority readPriority(byte[] payload) throws FormatException {
        if (payload.length != SyncConstants.PRIORITY_NONCE_BYTES) {
            throw new FormatException("A PRIORITY nonce is " + SyncConstants.PRIORITY_NONCE_BYTES + " bytes, not "
                    + payload.length);
        }
        return new Priority(payload);
    }
}
