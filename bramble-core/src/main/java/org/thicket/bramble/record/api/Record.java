package org.thicket.bramble.record.api;

/**
 * One record: a 4-byte header (protocol version, record type, uint16 payload length) and up to 48 KiB of payload
 * (specs/records.md). The record layer carries BQP, BHP, contact exchange and BSP alike.
 */
public final class Record {

    public static final int HEADER_LENGTH = 4;
    public static final int MAX_PAYLOAD_LENGTH = 48 * 1024;

    private final int protocolVersion;
    private final int recordType;
    private final byte[] payload;

    public Record(int protocolVersion, int recordType, byte[] payload) {
        if (protocolVersion < 0 || protocolVersion > 255) throw new IllegalArgumentException("Not a version byte");
        if (recordType < 0 || recordType > 255) throw new IllegalArgumentException("Not a record-type byte");
        if (payload.length > MAX_PAYLOAD_LENGTH) {
            throw new IllegalArgumentException("A record payload is at most " + MAX_PAYLOAD_LENGTH + " bytes");
        }
        this.protocolVersion = protocolVersion;
        this.recordType = recordType;
        this.payload = payload;
    }

    public int protocolVersion() {
        return protocolVersion;
    }

    public int recordType() {
        return recordType;
    }

    /** The payload itself, not a copy: records are read once and handed on, and copying 48 KiB each time costs. */
    public byte[] payload() {
        return payload;
    }

    @Override
    public String toString() {
        return "Record(version " + protocolVersion + ", type " + recordType + ", " + payload.length + " bytes)";
    }
}
