package org.thicket.messenger.headless;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.AuthorId;

class ReadyLineTest {

    @Test
    void namesTheNicknameAndTheAuthorIdInHex() {
        assertThat(ReadyLine.of(author("Alice Smith", (byte) 0xAB)))
                .isEqualTo("READY nickname=Alice Smith author=" + "ab".repeat(32));
    }

    @Test
    void staysOneLineWhateverTheStoredNickname() {
        assertThat(ReadyLine.of(author("Al\nice\t", (byte) 1)))
                .isEqualTo("READY nickname=Al?ice? author=" + "01".repeat(32));
    }

    private static Author author(String name, byte idByte) {
        byte[] id = new byte[AuthorId.LENGTH];
        Arrays.fill(id, idByte);
        return new Author(new AuthorId(id), Author.FORMAT_VERSION, name,
                new PublicKey(KeyType.SIGNATURE, new byte[PublicKey.LENGTH]));
    }
}
