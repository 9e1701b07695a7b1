package org.thicket.bramble.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
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
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.identity.api.AuthorId;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.validation.api.InvalidMessageException;
import org.thicket.bramble.validation.api.MessageContext;
import org.thicket.bramble.validation.api.MessageValidator;

/**
 * The checks every update client of the core (client versioning, transport properties) makes against its vectors
 * in specs/vectors/clients-bramble.json: accepted updates parse to what the vector expects with its metadata, our
 * writer produces exactly the accepted bodies, and every rejected update is invalid, one or more for each rule.
 *
 * @param <U> the client's update value
 */
public abstract class ClientUpdateVectorsTest<U> {

    protected static final List<JsonNode> VECTORS = Vectors.load("clients-bramble");

    @TempDir
    Path dir;

    protected BdfCodec codec;
    protected ClientHelper clientHelper;
    protected MessageFactory messageFactory;
    protected ContactGroupFactory groups;

    /** The {@code kind} of this client's vectors. */
    protected abstract String kind();

    protected abstract ClientId clientId();

    protected abstract MessageValidator validator(ClientHelper clientHelper, Clock clock);

    protected abstract U parse(BdfList body) throws FormatException;

    protected abstract BdfList toList(U update);

    /** The update a vector's {@code expect} object describes. */
    protected abstract U expected(JsonNode expect);

    /** The rules of the client's spec page that the rejected vectors cover. */
    protected abstract Set<String> rules();

    /** How many accepted vectors our writer reproduces, at least. */
    protected abstract int minimumProduced();

    @BeforeEach
    void wire() {
        // Nothing is opened: the injector only supplies the codec, the helper and the factories.
        Injector injector = Guice.createInjector(new BrambleCoreModule(dir));
        codec = injector.getInstance(BdfCodec.class);
        clientHelper = injector.getInstance(ClientHelper.class);
        messageFactory = injector.getInstance(MessageFactory.class);
        groups = injector.getInstance(ContactGroupFactory.class);
    }

    @Test
    void acceptedUpdatesParseToTheExpectedValuesWithTheExpectedMetadataAndNoDependencies() throws Exception {
        List<JsonNode> accepted = vectors("accept");
        for (JsonNode v : accepted) {
            MessageContext context = validator(v).validateMessage(message(v), anyGroup());
            assertThat(Bytes.toHex(codec.encode(clientHelper.toDictionary(context.metadata())))).as(name(v))
                    .isEqualTo(v.get("metadataHex").asText());
            assertThat(context.dependencies()).as(name(v)).isEmpty();
            assertThat(parse(codec.decodeList(body(v)))).as(name(v)).isEqualTo(expected(v.get("expect")));
        }
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(minimumProduced());
    }

    @Test
    void ourWriterProducesExactlyTheVectorBodies() {
        int checked = 0;
        for (JsonNode v : vectors("accept")) {
            if (!v.get("weProduce").asBoolean()) continue;
            assertThat(Bytes.toHex(codec.encode(toList(expected(v.get("expect")))))).as(name(v))
                    .isEqualTo(Bytes.toHex(body(v)));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(minimumProduced());
    }

    @Test
    void everyRejectedUpdateIsInvalid() {
        Set<String> covered = new TreeSet<>();
        for (JsonNode v : vectors("reject")) {
            assertThatThrownBy(() -> validator(v).validateMessage(message(v), anyGroup())).as(name(v))
                    .isInstanceOf(InvalidMessageException.class);
            covered.add(v.get("rule").asText());
        }
        assertThat(covered).containsExactlyInAnyOrderElementsOf(rules());
    }

    /** The contact group of the vector named, checked against its ID and returned. */
    protected Group contactGroup(String vectorName) {
        JsonNode g = named(vectorName);
        AuthorId a = new AuthorId(Bytes.fromHex(g.get("authorIdsHex").get(0).asText()));
        AuthorId b = new AuthorId(Bytes.fromHex(g.get("authorIdsHex").get(1).asText()));
        Group group = groups.createContactGroup(clientId(), 0, a, b);
        assertThat(Bytes.toHex(group.getId().getBytes())).isEqualTo(g.get("groupIdHex").asText());
        assertThat(groups.createContactGroup(clientId(), 0, b, a)).as("either order").isEqualTo(group);
        return group;
    }

    /** Checks that the update, written at the named vector's time into the group, has the vector's message ID. */
    protected void assertMessageId(String vectorName, Group group, U update) {
        JsonNode m = named(vectorName);
        Message message = messageFactory.createMessage(group.getId(), m.get("timestamp").asLong(),
                codec.encode(toList(update)));
        assertThat(Bytes.toHex(message.getId().getBytes())).isEqualTo(m.get("messageIdHex").asText());
    }

    protected static JsonNode named(String name) {
        return VECTORS.stream().filter(v -> name.equals(v.get("name").asText())).findFirst().orElseThrow();
    }

    private List<JsonNode> vectors(String result) {
        return VECTORS.stream()
                .filter(v -> kind().equals(v.path("kind").asText()) && result.equals(v.get("result").asText()))
                .toList();
    }

    private MessageValidator validator(JsonNode v) {
        return validator(clientHelper, new SettableClock(v.get("now").asLong()));
    }

    private Group anyGroup() {
        return groups.createLocalGroup(clientId(), 0);
    }

    private Message message(JsonNode v) {
        return messageFactory.createMessage(new GroupId(new byte[GroupId.LENGTH]), v.get("timestamp").asLong(),
                body(v));
    }

    private static byte[] body(JsonNode v) {
        return Vectors.hex(v, "bodyHex");
    }

    private static String name(JsonNode v) {
        return v.get("name").asText();
    }
}
