package org.thicket.messenger.qr.api;

/** The limits of QR handling; input beyond them is refused before any work is done on it. */
public final class QrConstants {

    /** The longest payload we encode or accept, in bytes: BQP and mailbox payloads take well under 200. */
    public static final int MAX_PAYLOAD_BYTES = 1024;
    /** The largest image file we read, in bytes. */
    public static final int MAX_IMAGE_FILE_BYTES = 10 * 1024 * 1024;
    /** The widest and highest image we decode, in pixels. */
    public static final int MAX_IMAGE_SIDE = 8192;
    /** The most pixels an image we decode may have: 16 megapixels, the size of a phone photo (64 MiB decoded). */
    public static final long MAX_IMAGE_PIXELS = 4096L * 4096;
    /** The longest pasted text we parse, in characters: base64 of the longest payload plus room for blanks. */
    public static final int MAX_PASTED_CHARS = 4 * 1024;
    /** The blank modules around a code that scanners need to find it. */
    public static final int QUIET_ZONE_MODULES = 4;
    /** The most pixels per module of a rendered image. */
    public static final int MAX_PIXELS_PER_MODULE = 32;

    private QrConstants() {
    }
}
