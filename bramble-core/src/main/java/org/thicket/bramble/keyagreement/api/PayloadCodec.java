package org.thicket.bramble.keyagreement.api;

/**
 * The bytes of a BQP QR code (specs/bqp.md): {@code (formatId << 5 | formatVersion)}, then the BDF list
 * {@code [commitment, descriptor...]}. A QR code carries them in byte mode; as text they are ISO-8859-1.
 */
public interface PayloadCodec {

    byte[] encode(Payload payload);

    /**
     * Parses a scanned code strictly: exactly one canonical BDF list after the format byte, nothing after it, a
     * 16-byte commitment, every descriptor a list that starts with an integer. Descriptors of transports we do not
     * know are dropped, as the format asks.
     *
     * @throws InvalidPayloadException naming why the code cannot be used
     */
    Payload parse(byte[] scanned) throws InvalidPayloadException;
}
