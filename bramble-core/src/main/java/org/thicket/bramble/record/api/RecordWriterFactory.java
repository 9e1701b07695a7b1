package org.thicket.bramble.record.api;

import java.io.OutputStream;

public interface RecordWriterFactory {

    RecordWriter createRecordWriter(OutputStream out);
}
