package org.thicket.bramble.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.properties.api.TransportPropertyManager;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.test.ClientUpdateVectorsTest;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.validation.api.MessageValidator;

/** specs/vectors/clients-bramble.json (transport properties), computed independently by clients_bramble_vectors.py. */
class PropertiesVectorsTest extends ClientUpdateVectorsTest<PropertiesUpdate> {

    @Override
    protected String kind() {
        return "propertiesUpdate";
    }

    @Override
    protected ClientId clientId() {
        return TransportPropertyManager.CLIENT_ID;
    }

    @Override
    protected MessageValidator validator(ClientHelper clientHelper, Clock clock) {
        return new TransportPropertyValidator(clientHelper, clock);
    }

    @Override
    protected PropertiesUpdate parse(BdfList body) throws FormatException {
        return PropertiesUpdate.parse(body);
    }

    @Override
    protected BdfList toList(PropertiesUpdate update) {
        return update.toList();
    }

    @Override
    protected PropertiesUpdate expected(JsonNode expect) {
        Map<String, String> values = new HashMap<>();
        expect.get("properties").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return new PropertiesUpdate(new TransportId(expect.get("transportId").asText()),
                expect.get("version").asLong(), new TransportProperties(values));
    }

    @Override
    protected Set<String> rules() {
        // One or more vectors for each rule of specs/clients/properties.md section 4.
        return Set.of("timestamp", "body", "element-count", "transport-id", "version", "properties", "property");
    }

    @Override
    protected int minimumProduced() {
        return 14;
    }

    @Test
    void theGroupsAndAMessageHaveTheVectorIds() {
        Group contactGroup = contactGroup("properties contact group");
        Group localGroup = groups.createLocalGroup(clientId(), TransportPropertyManager.MAJOR_VERSION);
        assertThat(Bytes.toHex(localGroup.getId().getBytes()))
                .isEqualTo(named("properties local group (empty descriptor)").get("groupIdHex").asText());

        assertMessageId("properties: a LAN set in the properties contact group", contactGroup,
                new PropertiesUpdate(new TransportId("org.briarproject.bramble.lan"), 1,
                        new TransportProperties(Map.of("port", "40000"))));
    }
}
