package org.thicket.bramble.plugin.tor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.test.Vectors;

/** Rendezvous onion derivation against addresses tor itself gave for the same keys (specs/vectors/tor-onion.json). */
class OnionKeysVectorTest {

    @Test
    void derivesTheKeysAndAddressesTorReports() {
        for (JsonNode vector : Vectors.load("tor-onion")) {
            byte[] seed = Vectors.hex(vector, "seedHex");
            String name = vector.get("name").asText();
            assertThat(OnionKeys.controlPortKey(seed)).as(name).isEqualTo(vector.get("controlPortKey").asText());
            assertThat(OnionKeys.addressFromSeed(seed).value()).as(name)
                    .isEqualTo(vector.get("onionAddress").asText());
        }
    }
}
