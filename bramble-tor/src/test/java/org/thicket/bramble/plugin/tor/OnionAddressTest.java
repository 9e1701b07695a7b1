package org.thicket.bramble.plugin.tor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class OnionAddressTest {

    // The example address of Tor's rend-spec-v3 and the public key it encodes.
    private static final String SPEC_ADDRESS = "pg6mmjiyjmcrsslvykfwnntlaru7p5svn6y2ymmju6nubxndf4pscryd";

    @Test
    void acceptsAValidV3Address() {
        assertThat(OnionAddress.parseOrNull(SPEC_ADDRESS)).isNotNull();
        assertThat(new OnionAddress(SPEC_ADDRESS).hostname()).isEqualTo(SPEC_ADDRESS + ".onion");
    }

    @Test
    void encodesAPublicKeyAndChecksum() {
        byte[] publicKey = Base32.decode(SPEC_ADDRESS);
        byte[] key = java.util.Arrays.copyOf(publicKey, 32);
        assertThat(OnionAddress.fromPublicKey(key).value()).isEqualTo(SPEC_ADDRESS);
    }

    @Test
    void rejectsBadAddressesWithoutThrowingFromParseOrNull() {
        String flipped = (SPEC_ADDRESS.charAt(0) == 'a' ? "b" : "a") + SPEC_ADDRESS.substring(1);
        for (String bad : new String[] {null, "", SPEC_ADDRESS.substring(1), SPEC_ADDRESS + "a",
                SPEC_ADDRESS.toUpperCase(), SPEC_ADDRESS + ".onion", flipped, "1".repeat(56),
                SPEC_ADDRESS.substring(0, 55) + "!"}) {
            assertThat(OnionAddress.parseOrNull(bad)).as(String.valueOf(bad)).isNull();
        }
    }

    @Test
    void rejectsAnAddressOfAnotherVersion() {
        byte[] raw = Base32.decode(SPEC_ADDRESS);
        raw[34] = 4;
        assertThatThrownBy(() -> new OnionAddress(Base32.encode(raw))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("v3");
    }

    @Test
    void base32RoundTrips() {
        byte[] data = HexFormat.of().parseHex("00ff10203040506070808090a0b0c0d0e0f0ff01020304");
        assertThat(Base32.decode(Base32.encode(data))).isEqualTo(data);
        assertThat(Base32.encode("foobar".getBytes())).isEqualTo("mzxw6ytboi");
    }

    @Test
    void derivesTheSameAddressForTheSameSeed() {
        byte[] seed = new byte[32];
        seed[0] = 1;
        OnionAddress a = OnionKeys.addressFromSeed(seed);
        assertThat(OnionKeys.addressFromSeed(seed)).isEqualTo(a);
        assertThat(OnionKeys.controlPortKey(seed)).startsWith("ED25519-V3:");
        assertThat(java.util.Base64.getDecoder().decode(OnionKeys.controlPortKey(seed).substring(11))).hasSize(64);
        assertThat(OnionKeys.isControlPortKey(OnionKeys.controlPortKey(seed))).isTrue();
        assertThat(OnionKeys.isControlPortKey(OnionKeys.controlPortKey(seed) + " Flags=Detach")).isFalse();
        assertThat(OnionKeys.isControlPortKey("ED25519-V3:abc")).isFalse();
    }
}
