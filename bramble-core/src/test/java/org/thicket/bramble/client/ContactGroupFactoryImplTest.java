package org.thicket.bramble.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.BrambleCoreModule;
import org.thicket.bramble.client.api.ContactGroupFactory;
import org.thicket.bramble.identity.api.AuthorId;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.test.Vectors;
import org.thicket.bramble.util.UniqueId;

/** Contact and local groups against the BSP group-ID vectors (specs/bsp.md, "Contact groups"). */
class ContactGroupFactoryImplTest {

    // A contact descriptor is LIST (0x60), RAW_8 (0x51) of length 0x20, the smaller ID, the same for the larger,
    // END (0x80): the IDs sit at offsets 3 and 37.
    private static final int FIRST_ID_OFFSET = 3;
    private static final int SECOND_ID_OFFSET = 37;

    @TempDir
    Path dir;

    private ContactGroupFactory factory() {
        return Guice.createInjector(new BrambleCoreModule(dir)).getInstance(ContactGroupFactory.class);
    }

    private static JsonNode vector(String namePrefix) {
        return Vectors.load("bsp").stream().filter(v -> v.get("name").asText().startsWith(namePrefix)).findFirst()
                .orElseThrow();
    }

    private static AuthorId idAt(byte[] descriptor, int offset) {
        return new AuthorId(Arrays.copyOfRange(descriptor, offset, offset + UniqueId.LENGTH));
    }

    @Test
    void theContactGroupIsTheVectorsWhicheverAuthorIsLocal() {
        JsonNode v = vector("messaging contact group");
        byte[] descriptor = Vectors.hex(v, "descriptorHex");
        AuthorId smaller = idAt(descriptor, FIRST_ID_OFFSET);
        AuthorId larger = idAt(descriptor, SECOND_ID_OFFSET);
        // The vector's larger ID starts with a byte of 0x80 or more: signed comparison would get the order wrong.
        assertThat(larger.getBytes()[0]).isNegative();
        assertThat(smaller.getBytes()[0]).isNotNegative();
        ClientId clientId = new ClientId(v.get("clientId").asText());
        int majorVersion = v.get("majorVersion").asInt();

        ContactGroupFactory factory = factory();
        Group ours = factory.createContactGroup(clientId, majorVersion, smaller, larger);
        Group theirs = factory.createContactGroup(clientId, majorVersion, larger, smaller);

        assertThat(ours.getId().getBytes()).isEqualTo(Vectors.hex(v, "groupIdHex"));
        assertThat(ours.getDescriptor()).isEqualTo(descriptor);
        assertThat(ours.getClientId()).isEqualTo(clientId);
        assertThat(ours.getMajorVersion()).isEqualTo(majorVersion);
        assertThat(theirs).isEqualTo(ours);
    }

    @Test
    void theLocalGroupHasTheEmptyDescriptor() {
        JsonNode v = vector("local group");
        Group local = factory().createLocalGroup(new ClientId(v.get("clientId").asText()),
                v.get("majorVersion").asInt());
        assertThat(local.getDescriptor()).isEmpty();
        assertThat(local.getId().getBytes()).isEqualTo(Vectors.hex(v, "groupIdHex"));
    }

    @Test
    void oneCannotBeOnesOwnContact() {
        AuthorId id = new AuthorId(new byte[UniqueId.LENGTH]);
        assertThatThrownBy(() -> factory().createContactGroup(new ClientId("org.thicket.test"), 0, id, id))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
