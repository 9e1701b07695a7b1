package org.thicket.bramble.sync.api;

import java.io.IOException;

/** Reads BSP records from a peer's stream, which is hostile until parsed. */
public interface SyncRecordReader {

    /**
     * The next record, or null if the stream ends cleanly between records. Records of protocol version 0 with an
     * unknown type are skipped, so newer peers can add record types.
     *
     * @throws org.thicket.bramble.util.FormatException for a record of another protocol version, a malformed
     *         payload, or a stream that ends inside a record
     */
    SyncRecord readRecord() throws IOException;
}
