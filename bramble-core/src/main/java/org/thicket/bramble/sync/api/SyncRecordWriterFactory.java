package org.thicket.bramble.sync.api;

import java.io.OutputStream;

public interface SyncRecordWriterFactory {

    SyncRecordWriter createRecordWriter(OutputStream out);
}
