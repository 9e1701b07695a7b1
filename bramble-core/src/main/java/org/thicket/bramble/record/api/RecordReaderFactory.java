package org.thicket.bramble.record.api;

import java.io.InputStream;

public interface RecordReaderFactory {

    RecordReader createRecordReader(InputStream in);
}
