package org.thicket.bramble.keyagreement;

import static org.thicket.bramble.keyagreement.api.KeyAgreementConstants.PROTOCOL_VERSION;
import static org.thicket.bramble.keyagreement.api.KeyAgreementConstants.RECORD_ABORT;
import static org.thicket.bramble.keyagreement.api.KeyAgreementConstants.RECORD_CONFIRM;
import static org.thicket.bramble.keyagreement.api.KeyAgreementConstants.RECORD_KEY;

import java.io.IOException;
import org.thicket.bramble.keyagreement.api.KeyAgreementException;
import org.thicket.bramble.keyagreement.api.KeyAgreementException.Reason;
import org.thicket.bramble.record.api.Record;
import org.thicket.bramble.record.api.RecordReader;
import org.thicket.bramble.record.api.RecordWriter;
import org.thicket.bramble.util.FormatException;

/**
 * BQP records on the bare connection (no BTP: nothing is secret yet). Reading accepts the record expected next and
 * ABORT, skips version-4 records of unknown types, and refuses anything else.
 */
final class KeyAgreementTransport {

    private final RecordReader reader;
    private final RecordWriter writer;

    KeyAgreementTransport(RecordReader reader, RecordWriter writer) {
        this.reader = reader;
        this.writer = writer;
    }

    void sendKey(byte[] publicKey) throws IOException {
        send(RECORD_KEY, publicKey);
    }

    void sendConfirm(byte[] confirmationMac) throws IOException {
        send(RECORD_CONFIRM, confirmationMac);
    }

    void sendAbort() throws IOException {
        send(RECORD_ABORT, new byte[0]);
    }

    /** The payload of the peer's KEY record. */
    byte[] receiveKey() throws IOException {
        return receive(RECORD_KEY, "KEY");
    }

    /** The payload of the peer's CONFIRM record. */
    byte[] receiveConfirm() throws IOException {
        return receive(RECORD_CONFIRM, "CONFIRM");
    }

    private void send(int type, byte[] payload) throws IOException {
        writer.writeRecord(new Record(PROTOCOL_VERSION, type, payload));
        writer.flush();
    }

    private byte[] receive(int expectedType, String name) throws IOException {
        Record record;
        try {
            record = reader.readRecord(r -> r.protocolVersion() == PROTOCOL_VERSION
                    && (r.recordType() == expectedType || r.recordType() == RECORD_ABORT),
                    r -> r.protocolVersion() == PROTOCOL_VERSION && r.recordType() > RECORD_ABORT);
        } catch (FormatException e) {
            throw new KeyAgreementException(Reason.PROTOCOL_ERROR, "Expected " + name + ": " + e.getMessage(), e);
        }
        if (record == null) throw new IOException("The connection ended before " + name);
        if (record.recordType() == RECORD_ABORT) throw new KeyAgreementException(Reason.ABORTED, "The peer aborted");
        return record.payload();
    }
}
