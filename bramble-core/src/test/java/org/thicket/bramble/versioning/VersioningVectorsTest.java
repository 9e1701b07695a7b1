package org.thicket.bramble.versioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.BrambleCoreModule;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.client.api.ContactGroupFactory;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.identity.api.AuthorId;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.test.SettableClock;
import org.thicket.bramble.test.Vectors;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.validation.api.ClientMajorVersion;
import org.thicket.bramble.validation.api.InvalidMessageException;
import org.thicket.bramble.validation.api.MessageContext;
import org.thicket.bramble.versioning.api.ClientVersioningManager;

/** specs/vectors/clients-bramble.json (versioning), computed independently by clients_bramble_vectors.py. */
class VersioningVectorsTest {

    private static final List<JsonNode> VECTORS = Vectors.load("clients-bramble");
    private static final String KIND = "versioningUpdate";

    @TempDir
    Path dir;

    private BdfCodec codec;
    private ClientHelper clientHelper;
    private MessageFactory messageFactory;
    private ContactGroupFactory groups;
    private Group group;

    @BeforeEach
    void wire() {
        // Nothing is opened: the injector only supplies the codec, the helper and the factories.
        Injector injector = Guice.createInjector(new BrambleCoreModule(dir));
        codec = injector.getInstance(BdfCodec.class);
        clientHelper = injector.getInstance(ClientHelper.class);
        messageFactory = injector.getInstance(MessageFactory.class);
        groups = injector.getInstance(ContactGroupFactory.class);
        group = groups.createLocalGroup(ClientVersioningManager.CLIENT_ID, ClientVersioningManager.MAJOR_VERSION);
    }

    @Test
    void acceptedUpdatesParseToTheExpectedClientsWithTheExpectedMetadataAndNoDependencies() throws Exception {
        List<JsonNode> accepted = vectors("accept");
        for (JsonNode v : accepted) {
            MessageContext context = validator(v).validateMessage(message(v), group);
            assertThat(Bytes.toHex(codec.encode(clientHelper.toDictionary(context.metadata())))).as(name(v))
                    .isEqualTo(v.get("metadataHex").asText());
            assertThat(context.dependencies()).as(name(v)).isEmpty();
            assertThat(Update.parse(codec.decodeList(body(v)))).as(name(v)).isEqualTo(expected(v));
        }
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(14);
    }

    @Test
    void ourWriterProducesExactlyTheVectorBodies() {
        int checked = 0;
        for (JsonNode v : vectors("accept")) {
            if (!v.get("weProduce").asBoolean()) continue;
            assertThat(Bytes.toHex(codec.encode(expected(v).toList()))).as(name(v)).isEqualTo(Bytes.toHex(body(v)));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(13);
    }

    @Test
    void everyRejectedUpdateIsInvalid() {
        Set<String> rules = new TreeSet<>();
        for (JsonNode v : vectors("reject")) {
            assertThatThrownBy(() -> validator(v).validateMessage(message(v), group)).as(name(v))
                    .isInstanceOf(InvalidMessageException.class);
            rules.add(v.get("rule").asText());
        }
        // One or more vectors for each rule of specs/clients/versioning.md section 4.
        assertThat(rules).containsExactlyInAnyOrder("timestamp", "body", "element-count", "client-list",
                "client-state", "client-id", "major-version", "minor-version", "active", "duplicate-client",
                "update-version");
    }

    @Test
    void theContactGroupAndAMessageHaveTheVectorIds() {
        JsonNode g = named("versioning contact group");
        AuthorId a = new AuthorId(Bytes.fromHex(g.get("authorIdsHex").get(0).asText()));
        AuthorId b = new AuthorId(Bytes.fromHex(g.get("authorIdsHex").get(1).asText()));
        Group contactGroup = groups.createContactGroup(ClientVersioningManager.CLIENT_ID, 0, a, b);
        assertThat(Bytes.toHex(contactGroup.getId().getBytes())).isEqualTo(g.get("groupIdHex").asText());
        assertThat(groups.createContactGroup(ClientVersioningManager.CLIENT_ID, 0, b, a)).isEqualTo(contactGroup);

        JsonNode m = named("versioning: the first update in the versioning contact group");
        assertThat(m.get("groupIdHex").asText()).isEqualTo(g.get("groupIdHex").asText());
        Message first = messageFactory.createMessage(contactGroup.getId(), m.get("timestamp").asLong(),
                codec.encode(new Update(List.of(new ClientState(new ClientMajorVersion(
                        new ClientId("org.briarproject.bramble.properties"), 0), 0, false)), 1).toList()));
        assertThat(Bytes.toHex(first.getId().getBytes())).isEqualTo(m.get("messageIdHex").asText());
    }

    private static List<JsonNode> vectors(String result) {
        return VECTORS.stream()
                .filter(v -> KIND.equals(v.path("kind").asText()) && result.equals(v.get("result").asText()))
                .toList();
    }

    private static JsonNode named(String name) {
        return VECTORS.stream().filter(v -> name.equals(v.get("name").asText())).findFirst().orElseThrow();
    }

    private ClientVersioningValidator validator(JsonNode v) {
        return new ClientVersioningValidator(clientHelper, new SettableClock(v.get("now").asLong()));
    }

    private Message message(JsonNode v) {
        return messageFactory.createMessage(new GroupId(new byte[GroupId.LENGTH]), v.get("timestamp").asLong(),
                body(v));
    }

    private static byte[] body(JsonNode v) {
        return Vectors.hex(v, "bodyHex");
    }

    private static Update expected(JsonNode v) {
        JsonNode expect = v.get("expect");
        List<ClientState> states = new ArrayList<>();
        for (JsonNode c : expect.get("clients")) {
            states.add(new ClientState(new ClientMajorVersion(new ClientId(c.get(0).asText()), c.get(1).asInt()),
                    c.get(2).asInt(), c.get(3).asBoolean()));
        }
        return new Update(states, expect.get("updateVersion").asLong());
    }

    private static String name(JsonNode v) {
        return v.get("name").asText();
    }
}
