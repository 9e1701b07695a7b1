package org.thicket.bramble.sync.api;

import java.io.InputStream;

public interface SyncRecordReaderFactory {

    SyncRecordReader createRecordReader(InputStream in);
}
