package org.thicket.bramble.record.api;

import java.io.Closeable;
import java.io.IOException;

public interface RecordWriter extends Closeable {

    void writeRecord(Record record) throws IOException;

    /** Pushes buffered records to the stream, e.g. to end a BTP frame early for a keepalive. */
    void flush() throws IOException;
}
