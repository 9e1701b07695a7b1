package org.thicket.bramble.data.api;

import java.io.IOException;

/**
 * Reads canonical BDF values one after another from a stream (specs/bdf.md). Every rule violation, and an end
 * of stream inside a value, is a {@link org.thicket.bramble.util.FormatException} naming the problem; other
 * IOExceptions come from the stream itself. Not thread-safe. It consumes exactly the bytes of the values it
 * returns, so non-BDF data may follow a value in the stream; only {@link #eof} reads one byte ahead, which the
 * reader then keeps as the start of the next value.
 */
public interface BdfReader {

    /** True if the stream ended cleanly between two values. */
    boolean eof() throws IOException;

    /** The next value of any type (Java null for NULL). */
    Object readValue() throws IOException;

    /** The next value, which must be a LIST; a different type code is rejected before anything else is read. */
    BdfList readList() throws IOException;

    /** The next value, which must be a DICTIONARY; a different type code is rejected before anything else is read. */
    BdfDictionary readDictionary() throws IOException;
}
