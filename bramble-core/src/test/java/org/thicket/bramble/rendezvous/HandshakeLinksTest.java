package org.thicket.bramble.rendezvous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.rendezvous.api.HandshakeLinks;
import org.thicket.bramble.rendezvous.api.InvalidLinkException;
import org.thicket.bramble.test.Vectors;

class HandshakeLinksTest {

    private static final List<JsonNode> VECTORS = Vectors.load("brp");

    private static List<JsonNode> ofKind(String kind) {
        return VECTORS.stream().filter(v -> v.get("kind").asText().equals(kind)).toList();
    }

    private static PublicKey key(JsonNode v) {
        return new PublicKey(KeyType.AGREEMENT, Vectors.hex(v, "publicKeyHex"));
    }

    @Test
    void encodesLinksAsTheVectorsSay() throws Exception {
        assertThat(ofKind("link")).hasSizeGreaterThanOrEqualTo(3);
        for (JsonNode v : ofKind("link")) {
            String link = v.get("link").asText();
            assertThat(HandshakeLinks.encode(key(v))).as(v.get("name").asText()).isEqualTo(link);
            assertThat(link).hasSize(HandshakeLinks.PREFIX.length() + HandshakeLinks.BASE32_LENGTH);
            assertThat(HandshakeLinks.parse(link)).isEqualTo(key(v));
        }
    }

    @Test
    void findsTheLinkInSurroundingText() throws Exception {
        assertThat(ofKind("parse")).isNotEmpty();
        for (JsonNode v : ofKind("parse")) {
            assertThat(HandshakeLinks.parse(v.get("text").asText())).as(v.get("name").asText()).isEqualTo(key(v));
        }
    }

    @Test
    void rejectsBadLinksWithTheirReason() {
        assertThat(ofKind("reject")).isNotEmpty();
        for (JsonNode v : ofKind("reject")) {
            assertThatThrownBy(() -> HandshakeLinks.parse(v.get("text").asText())).as(v.get("name").asText())
                    .isInstanceOfSatisfying(InvalidLinkException.class, e -> assertThat(e.reason().name())
                            .isEqualTo(v.get("reason").asText()));
        }
    }

    @Test
    void refusesOverlongTextBeforeSearchingIt() {
        String text = "x".repeat(HandshakeLinks.MAX_TEXT_LENGTH + 1);
        assertThatThrownBy(() -> HandshakeLinks.parse(text)).isInstanceOfSatisfying(InvalidLinkException.class,
                e -> assertThat(e.reason()).isEqualTo(InvalidLinkException.Reason.WRONG_LENGTH));
    }

    @Test
    void refusesSignatureKeys() {
        PublicKey signatureKey = new PublicKey(KeyType.SIGNATURE, new byte[PublicKey.LENGTH]);
        assertThatThrownBy(() -> HandshakeLinks.encode(signatureKey)).isInstanceOf(IllegalArgumentException.class);
    }
}
