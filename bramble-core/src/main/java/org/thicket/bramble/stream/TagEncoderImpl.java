package org.thicket.bramble.stream;

import jakarta.inject.Inject;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.stream.api.TagEncoder;
import org.thicket.bramble.util.Bytes;

/**
 * Keyed BLAKE2b-256 straight from Bouncy Castle rather than {@code CryptoComponent.mac}: the tag has no label and
 * no length prefixes, so the labelled encoding does not apply. Stateless; one instance serves all threads.
 */
final class TagEncoderImpl implements TagEncoder {

    private static final int DIGEST_LENGTH = 32;
    private static final int INPUT_LENGTH = 2 + 8;

    @Inject
    TagEncoderImpl() {
    }

    @Override
    public void encodeTag(byte[] tag, int offset, SecretKey tagKey, int protocolVersion, long streamNumber) {
        if (protocolVersion < 0 || protocolVersion > 0xFFFF) {
            throw new IllegalArgumentException("Not a uint16 protocol version: " + protocolVersion);
        }
        if (offset < 0 || offset > tag.length - TAG_LENGTH) {
            throw new IllegalArgumentException("No room for a tag at " + offset + " in " + tag.length + " bytes");
        }
        byte[] input = new byte[INPUT_LENGTH];
        Bytes.writeUint16(protocolVersion, input, 0);
        Bytes.writeInt64(streamNumber, input, 2);
        byte[] key = tagKey.getBytes();
        Blake2bDigest blake2b = new Blake2bDigest(key, DIGEST_LENGTH, null, null);
        Bytes.wipe(key);
        byte[] digest = new byte[DIGEST_LENGTH];
        try {
            blake2b.update(input, 0, INPUT_LENGTH);
            blake2b.doFinal(digest, 0);
            System.arraycopy(digest, 0, tag, offset, TAG_LENGTH);
        } finally {
            blake2b.clearKey();
            Bytes.wipe(digest);
        }
    }
}
