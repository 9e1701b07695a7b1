package org.thicket.bramble.rendezvous.api;

import java.util.Locale;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.rendezvous.api.InvalidLinkException.Reason;

/**
 * Handshake links (specs/brp.md): {@code briar://} followed by 53 lower-case base32 characters (RFC 4648 alphabet, no
 * padding) encoding 33 bytes, the format version 0 and our 32-byte X25519 handshake public key. The 265 bits of
 * 53 characters hold the 264 bits of 33 bytes and one bit that must be zero.
 */
public final class HandshakeLinks {

    public static final String PREFIX = "briar://";
    public static final int FORMAT_VERSION = 0;
    public static final int RAW_LENGTH = 1 + PublicKey.LENGTH;
    public static final int BASE32_LENGTH = (RAW_LENGTH * 8 + 4) / 5;
    /** Longer text is refused before it is searched: a pasted link with a message around it fits easily. */
    public static final int MAX_TEXT_LENGTH = 4096;

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    private HandshakeLinks() {
    }

    /** The link of a handshake public key. */
    public static String encode(PublicKey handshakePublicKey) {
        if (handshakePublicKey.getType() != KeyType.AGREEMENT) {
            throw new IllegalArgumentException("Not a handshake key");
        }
        byte[] raw = new byte[RAW_LENGTH];
        raw[0] = FORMAT_VERSION;
        System.arraycopy(handshakePublicKey.getEncoded(), 0, raw, 1, PublicKey.LENGTH);
        StringBuilder link = new StringBuilder(PREFIX);
        for (int i = 0; i < BASE32_LENGTH; i++) link.append(ALPHABET.charAt(fiveBits(raw, i * 5)));
        return link.toString();
    }

    /**
     * Finds a link in pasted text and returns its key. With the prefix present (in any case), the link is the run
     * of letters and digits after it; without, the text must hold a run of exactly 53 letters and digits. Case
     * is ignored, so a link that was upper-cased on its way still works.
     *
     * @throws InvalidLinkException with reason WRONG_LENGTH, BAD_BASE32 or UNKNOWN_VERSION
     */
    public static PublicKey parse(String text) throws InvalidLinkException {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidLinkException(Reason.WRONG_LENGTH, "The text is over " + MAX_TEXT_LENGTH + " characters");
        }
        String candidate = findCandidate(text.toLowerCase(Locale.ROOT));
        if (candidate.length() != BASE32_LENGTH) {
            throw new InvalidLinkException(Reason.WRONG_LENGTH, "A link is " + PREFIX + " and " + BASE32_LENGTH
                    + " characters, not " + candidate.length());
        }
        byte[] raw = decode(candidate);
        if (raw[0] != FORMAT_VERSION) {
            throw new InvalidLinkException(Reason.UNKNOWN_VERSION, "Link format version " + (raw[0] & 0xFF)
                    + " is not supported; only " + FORMAT_VERSION);
        }
        byte[] key = new byte[PublicKey.LENGTH];
        System.arraycopy(raw, 1, key, 0, PublicKey.LENGTH);
        return new PublicKey(KeyType.AGREEMENT, key);
    }

    private static String findCandidate(String text) {
        int prefix = text.indexOf(PREFIX);
        if (prefix >= 0) return runAt(text, prefix + PREFIX.length());
        String longest = "";
        for (int i = 0; i < text.length(); ) {
            String run = runAt(text, i);
            if (run.length() == BASE32_LENGTH) return run;
            if (run.length() > longest.length()) longest = run;
            i += Math.max(1, run.length());
        }
        return longest;
    }

    /** The letters and digits from {@code start} on. */
    private static String runAt(String text, int start) {
        int end = start;
        while (end < text.length() && isLetterOrDigit(text.charAt(end))) end++;
        return text.substring(start, end);
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static byte[] decode(String base32) throws InvalidLinkException {
        byte[] raw = new byte[RAW_LENGTH];
        int bits = 0;
        int bitCount = 0;
        int out = 0;
        for (int i = 0; i < base32.length(); i++) {
            int value = ALPHABET.indexOf(base32.charAt(i));
            if (value < 0) {
                throw new InvalidLinkException(Reason.BAD_BASE32, "A link holds only a-z and 2-7, not '"
                        + base32.charAt(i) + "'");
            }
            bits = (bits << 5) | value;
            bitCount += 5;
            if (bitCount >= 8) {
                bitCount -= 8;
                raw[out++] = (byte) (bits >> bitCount);
                bits &= (1 << bitCount) - 1;
            }
        }
        if (bits != 0) throw new InvalidLinkException(Reason.BAD_BASE32, "The link's last character is not canonical");
        return raw;
    }

    /** The five bits of {@code raw} starting at bit {@code offset}, zeros past the end. */
    private static int fiveBits(byte[] raw, int offset) {
        int value = 0;
        for (int bit = offset; bit < offset + 5; bit++) {
            int b = bit / 8 < raw.length ? raw[bit / 8] >> (7 - bit % 8) & 1 : 0;
            value = value << 1 | b;
        }
        return value;
    }
}
