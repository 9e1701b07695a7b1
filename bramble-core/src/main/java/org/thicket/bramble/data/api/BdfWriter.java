package org.thicket.bramble.data.api;

import java.io.IOException;

/** Writes BDF values to a stream in the one canonical encoding (specs/bdf.md). Not thread-safe; does not buffer. */
public interface BdfWriter {

    /**
     * Writes one value: null, Boolean, Long (or Integer, Short, Byte), Double, String, byte[], BdfList or
     * BdfDictionary.
     *
     * @throws IllegalArgumentException for any other type, a string with a lone surrogate (no UTF-8 form), or
     *     nesting deeper than {@link BdfCodec#MAX_NESTING} (which also stops a list that contains itself); the
     *     stream may then hold part of the value
     */
    void write(Object value) throws IOException;
}
