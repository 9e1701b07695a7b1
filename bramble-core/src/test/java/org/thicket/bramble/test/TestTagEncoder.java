package org.thicket.bramble.test;

import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.stream.api.TagEncoder;
import org.thicket.bramble.util.Bytes;

/**
 * The BTP tag for tests of code that only needs tags, written here from the definition: the first 16 bytes of
 * BLAKE2b-256 keyed with the tag key over uint16 protocol version || uint64 stream number.
 */
public final class TestTagEncoder implements TagEncoder {

    @Override
    public void encodeTag(byte[] tag, int offset, SecretKey tagKey, int protocolVersion, long streamNumber) {
        byte[] key = tagKey.getBytes();
        Blake2bDigest blake2b = new Blake2bDigest(key, 32, null, null);
        Bytes.wipe(key);
        byte[] input = Bytes.concat(Bytes.uint16(protocolVersion), Bytes.int64(streamNumber));
        blake2b.update(input, 0, input.length);
        byte[] out = new byte[32];
        blake2b.doFinal(out, 0);
        System.arraycopy(out, 0, tag, offset, TAG_LENGTH);
    }
}
