package org.thicket.messenger.qr.api;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * Payloads in and out of QR codes. A payload is bytes, carried in QR byte mode as ISO-8859-1 characters (one per
 * byte, no ECI), which is how Briar writes and reads its BQP and mailbox codes. Pasted text is the payload in base64
 * (RFC 4648, standard alphabet; padding optional, blanks and line breaks ignored). Everything read is hostile:
 * every method that reads has a limit (see {@link QrConstants}) and fails with a {@link QrDecodeException}.
 */
public interface QrCodes {

    /**
     * @throws IllegalArgumentException if the payload is empty or longer than
     *     {@value QrConstants#MAX_PAYLOAD_BYTES} bytes
     */
    QrCode encode(byte[] payload);

    /**
     * The code as a black-on-white image with its quiet zone.
     *
     * @param pixelsPerModule 1 to {@value QrConstants#MAX_PIXELS_PER_MODULE}
     */
    BufferedImage toImage(QrCode code, int pixelsPerModule);

    /** The code as a PNG file's bytes, with its quiet zone. */
    byte[] toPng(QrCode code, int pixelsPerModule);

    /**
     * The code as lines of Unicode half blocks (two modules per character, one above the other), with its quiet
     * zone, each line ending in '\n'. Needs a font whose block characters fill the cell, as terminal fonts do.
     */
    String toTerminalText(QrCode code, TerminalBackground background);

    /** Reads the payload of the first QR code in a PNG or JPEG file. */
    byte[] decodeImage(Path file) throws QrDecodeException;

    /** Reads the payload of the first QR code in the bytes of a PNG or JPEG file. */
    byte[] decodeImage(byte[] imageFile) throws QrDecodeException;

    /** The payload of pasted base64 text. */
    byte[] decodeText(String pasted) throws QrDecodeException;

    /** The payload as text to paste: base64, standard alphabet, padded. */
    String encodeText(byte[] payload);
}
