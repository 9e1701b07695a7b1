package org.thicket.bramble.record.api;

import java.io.Closeable;
import java.io.IOException;
import java.util.function.Predicate;

/** Reads records from a stream that is hostile until parsed. */
public interface RecordReader extends Closeable {

    /**
     * The next record, or null if the stream ends cleanly between records.
     *
     * @throws org.thicket.bramble.util.FormatException if the stream ends inside a record or a length is over the limit
     */
    Record readRecord() throws IOException;

    /**
     * The next record that {@code accept} matches, skipping those that {@code ignore} matches; null at a clean end.
     * Protocols ignore records of their current version with an unknown type, for forward compatibility.
     *
     * @throws org.thicket.bramble.util.FormatException for a record matched by neither predicate
     */
    Record readRecord(Predicate<Record> accept, Predicate<Record> ignore) throws IOException;
}
