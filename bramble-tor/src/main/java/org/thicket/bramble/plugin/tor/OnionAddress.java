package org.thicket.bramble.plugin.tor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A v3 onion address without ".onion": 56 base32 characters encoding the 32-byte Ed25519 public key, a 2-byte
 * checksum and the version byte 3 (rend-spec-v3 §6). Only addresses that decode and check out are constructed.
 */
record OnionAddress(String value) {

    static final int LENGTH = 56;
    private static final Pattern FORM = Pattern.compile("[a-z2-7]{" + LENGTH + "}");
    private static final byte VERSION = 3;
    private static final byte[] CHECKSUM_LABEL = ".onion checksum".getBytes(StandardCharsets.US_ASCII);

    OnionAddress {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("An onion address is " + LENGTH + " base32 characters");
        }
        byte[] raw = Base32.decode(value);
        if (raw[34] != VERSION) throw new IllegalArgumentException("Not a v3 onion address");
        byte[] publicKey = Arrays.copyOf(raw, 32);
        byte[] checksum = checksum(publicKey);
        if (raw[32] != checksum[0] || raw[33] != checksum[1]) {
            throw new IllegalArgumentException("Bad onion address checksum");
        }
    }

    /** The address of the onion service with this Ed25519 public key. */
    static OnionAddress fromPublicKey(byte[] publicKey) {
        if (publicKey.length != 32) throw new IllegalArgumentException("An Ed25519 public key is 32 bytes");
        byte[] raw = new byte[35];
        System.arraycopy(publicKey, 0, raw, 0, 32);
        byte[] checksum = checksum(publicKey);
        raw[32] = checksum[0];
        raw[33] = checksum[1];
        raw[34] = VERSION;
        return new OnionAddress(Base32.encode(raw));
    }

    /** The address, or null if the text is not a valid v3 address: what a peer sends is not trusted. */
    static OnionAddress parseOrNull(String text) {
        if (text == null || text.length() != LENGTH) return null;
        try {
            return new OnionAddress(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    String hostname() {
        return value + ".onion";
    }

    private static byte[] checksum(byte[] publicKey) {
        try {
            MessageDigest sha3 = MessageDigest.getInstance("SHA3-256");
            sha3.update(CHECKSUM_LABEL);
            sha3.update(publicKey);
            sha3.update(VERSION);
            return sha3.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("Java 17 has SHA3-256", e);
        }
    }
}
