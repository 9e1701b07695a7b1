package org.thicket.bramble.stream.api;

import org.thicket.bramble.crypto.api.SecretKey;

/**
 * The 16-byte pseudo-random tag that opens a BTP stream: the first 16 bytes of keyed BLAKE2b-256 (key = the tag
 * key) over uint16 protocol version (4) || uint64 stream number, with no label or length prefixes (specs/btp.md).
 * Both the stream writer and the key manager's tag table use it.
 */
public interface TagEncoder {

    int TAG_LENGTH = 16;

    /** Writes the tag into {@code tag[offset .. offset + 16)}. */
    void encodeTag(byte[] tag, int offset, SecretKey tagKey, int protocolVersion, long streamNumber);

    default byte[] encodeTag(SecretKey tagKey, int protocolVersion, long streamNumber) {
        byte[] tag = new byte[TAG_LENGTH];
        encodeTag(tag, 0, tagKey, protocolVersion, streamNumber);
        return tag;
    }
}
