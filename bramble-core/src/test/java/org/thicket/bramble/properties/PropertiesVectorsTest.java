package org.thicket.bramble.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.properties.api.TransportPropertyManager;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.test.SettableClock;
import org.thicket.bramble.test.Vectors;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.validation.api.InvalidMessageException;
import org.thicket.bramble.validation.api.MessageContext;

/** specs/vectors/clients-bramble.json (transport properties), computed independently by clients_bramble_vectors.py. */
class PropertiesVectorsTest {

    private static final List<JsonNode> VECTORS = Vectors.load("clients-bramble");
    private static final String KIND = "propertiesUpdate";

    @TempDir
    Path dir;

    private BdfCodec codec;
    private ClientHelper clientHelper;
    private MessageFactory messageFactory;
    private ContactGroupFactory groups;
    private Group localGroup;

    @BeforeEach
    void wire() {
        // Nothing is opened: the injector only supplies the codec, the helper and the factories.
        Injector injector = Guice.createInjector(new BrambleCoreModule(dir));
        codec = injector.getInstance(BdfCodec.class);
        clientHelper = injector.getInstance(ClientHelper.class);
        messageFactory = injector.getInstance(MessageFactory.class);
        groups = injector.getInstance(ContactGroupFactory.class);
        localGroup = groups.createLocalGroup(TransportPropertyManager.CLIENT_ID, TransportPropertyManager.MAJOR_VERSION);
    }

    @Test
    void acceptedSetsParseToTheExpectedPropertiesWithTheExpectedMetadataAndNoDependencies() throws Exception {
        List<JsonNode> accepted = vectors("accept");
        for (JsonNode v : accepted) {
            MessageContext context = validator(v).validateMessage(message(v), localGroup);
            assertThat(Bytes.toHex(codec.encode(clientHelper.toDictionary(context.metadata())))).as(name(v))
                    .isEqualTo(v.get("metadataHex").asText());
            assertThat(context.dependencies()).as(name(v)).isEmpty();
            assertThat(PropertiesUpdate.parse(codec.decodeList(body(v)))).as(name(v)).isEqualTo(expected(v));
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
        assertThat(checked).isGreaterThanOrEqualTo(14);
    }

    @Test
    void everyRejectedSetIsInvalid() {
        Set<String> rules = new TreeSet<>();
        for (JsonNode v : vectors("reject")) {
            assertThatThrownBy(() -> validator(v).validateMessage(message(v), localGroup)).as(name(v))
                    .isInstanceOf(InvalidMessageException.class);
            rules.add(v.get("rule").asText());
        }
        // One or more vectors for each rule of specs/clients/properties.md section 4.
        assertThat(rules).containsExactlyInAnyOrder("timestamp", "body", "element-count", "transport-id", "version",
                "properties", "property");
    }

    @Test
    void theGroupsAndAMessageHaveTheVectorIds() {
        JsonNode g = named("properties contact group");
        AuthorId a = new AuthorId(Bytes.fromHex(g.get("authorIdsHex").get(0).asText()));
        AuthorId b = new AuthorId(Bytes.fromHex(g.get("authorIdsHex").get(1).asText()));
        Group contactGroup = groups.createContactGroup(TransportPropertyManager.CLIENT_ID, 0, b, a);
        assertThat(Bytes.toHex(contactGroup.getId().getBytes())).isEqualTo(g.get("groupIdHex").asText());
        assertThat(Bytes.toHex(localGroup.getId().getBytes()))
                .isEqualTo(named("properties local group (empty descriptor)").get("groupIdHex").asText());

        JsonNode m = named("properties: a LAN set in the properties contact group");
        PropertiesUpdate lan = new PropertiesUpdate(new TransportId("org.briarproject.bramble.lan"), 1,
                new TransportProperties(Map.of("port", "40000")));
        Message message = messageFactory.createMessage(contactGroup.getId(), m.get("timestamp").asLong(),
                codec.encode(lan.toList()));
        assertThat(Bytes.toHex(message.getId().getBytes())).isEqualTo(m.get("messageIdHex").asText());
    }

    private static List<JsonNode> vectors(String result) {
        return VECTORS.stream()
                .filter(v -> KIND.equals(v.path("kind").asText()) && result.equals(v.get("result").asText()))
                .toList();
    }

    private static JsonNode named(String name) {
        return VECTORS.stream().filter(v -> name.equals(v.get("name").asText())).findFirst().orElseThrow();
    }

    private TransportPropertyValidator validator(JsonNode v) {
        return new TransportPropertyValidator(clientHelper, new SettableClock(v.get("now").asLong()));
    }

    private Message message(JsonNode v) {
        return messageFactory.createMessage(new GroupId(new byte[GroupId.LENGTH]), v.get("timestamp").asLong(),
                body(v));
    }

    private static byte[] body(JsonNode v) {
        return Vectors.hex(v, "bodyHex");
    }

    private static PropertiesUpdate expected(JsonNode v) {
        JsonNode expect = v.get("expect");
        Map<String, String> values = new HashMap<>();
        expect.get("properties").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return new PropertiesUpdate(new TransportId(expect.get("transportId").asText()),
                expect.get("version").asLong(), new TransportProperties(values));
    }

    private static String name(JsonNode v) {
        return v.get("name").asText();
    }
}
