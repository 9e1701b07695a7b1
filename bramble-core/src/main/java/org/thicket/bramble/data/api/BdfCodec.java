package org.thicket.bramble.data.api;

import java.io.InputStream;
import java.io.OutputStream;
import org.thicket.bramble.util.FormatException;

/**
 * Encodes and decodes BDF (specs/bdf.md). Immutable and thread-safe; the injected instance uses the default
 * limits, and {@link #withMaxLength} derives one for a protocol that needs a different string/raw limit.
 * Decoding is always canonical: any byte string that is not the one encoding of its value is rejected.
 */
public interface BdfCodec {

    /** Default limit on one string's or raw's length in bytes (64 KiB); longer ones are rejected when read. */
    int DEFAULT_MAX_LENGTH = 65536;

    /** Deepest nesting of lists and dictionaries: a top-level container is level 1, and level 5 is allowed. */
    int MAX_NESTING = 5;

    /** The largest string or raw length, in bytes, that this codec's readers accept. */
    int getMaxLength();

    /** A codec like this one whose readers accept strings and raws of up to {@code maxLength} bytes. */
    BdfCodec withMaxLength(int maxLength);

    /**
     * The encoding of one value of any BDF type.
     *
     * @throws IllegalArgumentException as {@link BdfWriter#write} does
     */
    byte[] encode(Object value);

    /** Decodes exactly one value of any type; bytes after it are rejected. */
    Object decode(byte[] encoded) throws FormatException;

    /** Decodes exactly one LIST; any other type, or bytes after it, are rejected. */
    BdfList decodeList(byte[] encoded) throws FormatException;

    /** Decodes exactly one DICTIONARY; any other type, or bytes after it, are rejected. */
    BdfDictionary decodeDictionary(byte[] encoded) throws FormatException;

    BdfReader createReader(InputStream in);

    BdfWriter createWriter(OutputStream out);
}
