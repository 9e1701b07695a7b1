package org.thicket.bramble.stream.api;

import org.thicket.bramble.crypto.api.AuthenticatedCipher;

/** The sizes of BTP version 4 (specs/btp.md). Every length is in bytes. */
public final class StreamConstants {

    public static final int PROTOCOL_VERSION = 4;

    public static final int STREAM_HEADER_NONCE_LENGTH = AuthenticatedCipher.NONCE_LENGTH;
    /** uint16 version || uint64 stream number || 32-byte frame key. */
    public static final int STREAM_HEADER_PLAINTEXT_LENGTH = 2 + 8 + 32;
    /** The nonce in clear, then the sealed plaintext: 82. */
    public static final int STREAM_HEADER_LENGTH =
            STREAM_HEADER_NONCE_LENGTH + AuthenticatedCipher.MAC_LENGTH + STREAM_HEADER_PLAINTEXT_LENGTH;

    /** uint16 payload length with the FINAL flag || uint16 padding length. */
    public static final int FRAME_HEADER_PLAINTEXT_LENGTH = 4;
    /** The sealed frame header: 20. */
    public static final int FRAME_HEADER_LENGTH = FRAME_HEADER_PLAINTEXT_LENGTH + AuthenticatedCipher.MAC_LENGTH;
    /** A whole frame on the wire: sealed header, then sealed payload and padding. */
    public static final int MAX_FRAME_LENGTH = 1024;
    /** Payload plus padding of one frame: 988. */
    public static final int MAX_PAYLOAD_LENGTH = MAX_FRAME_LENGTH - FRAME_HEADER_LENGTH - AuthenticatedCipher.MAC_LENGTH;

    private StreamConstants() {
    }
}
