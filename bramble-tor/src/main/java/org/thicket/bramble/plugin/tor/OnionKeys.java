package org.thicket.bramble.plugin.tor;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Onion service keys from a 32-byte Ed25519 seed, for rendezvous, where both peers derive each other's onion from
 * shared key material. Tor's control port takes the expanded secret key: SHA-512 of the seed with the scalar half
 * clamped as RFC 8032 does.
 */
final class OnionKeys {

    static final String KEY_TYPE_PREFIX = "ED25519-V3:";
    // 64 bytes in base64: 88 characters with padding. Nothing else may reach the control port inside a command.
    private static final Pattern CONTROL_PORT_KEY = Pattern.compile("ED25519-V3:[A-Za-z0-9+/]{86}==");

    private OnionKeys() {
    }

    static OnionAddress addressFromSeed(byte[] seed) {
        checkSeed(seed);
        byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        return OnionAddress.fromPublicKey(publicKey);
    }

    /** The ADD_ONION key argument, "ED25519-V3:" and the base64 of the 64-byte expanded key. */
    static String controlPortKey(byte[] seed) {
        checkSeed(seed);
        byte[] expanded = sha512(seed);
        try {
            expanded[0] &= (byte) 248;
            expanded[31] &= 127;
            expanded[31] |= 64;
            return KEY_TYPE_PREFIX + Base64.getEncoder().encodeToString(expanded);
        } finally {
            Arrays.fill(expanded, (byte) 0);
        }
    }

    /** Whether the text has the form of a key tor's control port gave us (a stored setting is checked, not trusted). */
    static boolean isControlPortKey(String text) {
        return CONTROL_PORT_KEY.matcher(text).matches();
    }

    private static void checkSeed(byte[] seed) {
        if (seed.length != Ed25519.SECRET_KEY_SIZE) throw new IllegalArgumentException("An Ed25519 seed is 32 bytes");
    }

    private static byte[] sha512(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("Java has SHA-512", e);
        }
    }
}
