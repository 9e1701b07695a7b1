package org.thicket.bramble.record;

import java.io.IOException;
import java.io.OutputStream;
import org.thicket.bramble.record.api.Record;
import org.thicket.bramble.record.api.RecordWriter;
import org.thicket.bramble.util.Bytes;

final class RecordWriterImpl implements RecordWriter {

    private final OutputStream out;
    private final byte[] header = new byte[Record.HEADER_LENGTH];

    RecordWriterImpl(OutputStream out) {
        this.out = out;
    }

    @Override
    public void writeRecord(Record record) throws IOException {
        header[0] = (byte) record.protocolVersion();
        header[1] = (byte) record.recordType();
        Bytes.writeUint16(record.payload().length, header, 2);
        out.write(header);
        out.write(record.payload());
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
