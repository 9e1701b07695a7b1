package org.thicket.bramble.record;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Predicate;
import org.thicket.bramble.record.api.Record;
import org.thicket.bramble.record.api.RecordReader;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.util.FormatException;

final class RecordReaderImpl implements RecordReader {

    private final InputStream in;
    private final byte[] header = new byte[Record.HEADER_LENGTH];

    RecordReaderImpl(InputStream in) {
        this.in = in;
    }

    @Override
    public Record readRecord() throws IOException {
        int first = in.read();
        if (first == -1) return null;
        header[0] = (byte) first;
        readFully(header, 1, Record.HEADER_LENGTH - 1, "record header");
        int length = Bytes.readUint16(header, 2);
        if (length > Record.MAX_PAYLOAD_LENGTH) {
            throw new FormatException("Record payload of " + length + " bytes is over the limit of "
                    + Record.MAX_PAYLOAD_LENGTH);
        }
        byte[] payload = new byte[length];
        readFully(payload, 0, length, "record payload");
        return new Record(header[0] & 0xFF, header[1] & 0xFF, payload);
    }

    @Override
    public Record readRecord(Predicate<Record> accept, Predicate<Record> ignore) throws IOException {
        for (Record record = readRecord(); record != null; record = readRecord()) {
            if (accept.test(record)) return record;
            if (!ignore.test(record)) throw new FormatException("Unexpected " + record);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void readFully(byte[] buffer, int offset, int length, String what) throws IOException {
        int read = in.readNBytes(buffer, offset, length);
        if (read < length) throw new FormatException("The stream ended inside a " + what);
    }
}
