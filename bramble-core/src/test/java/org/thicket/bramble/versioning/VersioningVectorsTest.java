package org.thicket.bramble.versioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.test.ClientUpdateVectorsTest;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.validation.api.ClientMajorVersion;
import org.thicket.bramble.validation.api.MessageValidator;
import org.thicket.bramble.versioning.api.ClientVersioningManager;

/** specs/vectors/clients-bramble.json (versioning), computed independently by clients_bramble_vectors.py. */
class VersioningVectorsTest extends ClientUpdateVectorsTest<Update> {

    @Override
    protected String kind() {
        return "versioningUpdate";
    }

    @Override
    protected ClientId clientId() {
        return ClientVersioningManager.CLIENT_ID;
    }

    @Override
    protected MessageValidator validator(ClientHelper clientHelper, Clock clock) {
        return new ClientVersioningValidator(clientHelper, clock);
    }

    @Override
    protected Update parse(BdfList body) throws FormatException {
        return Update.parse(body);
    }

    @Override
    protected BdfList toList(Update update) {
        return update.toList();
    }

    @Override
    protected Update expected(JsonNode expect) {
        List<ClientState> states = new ArrayList<>();
        for (JsonNode c : expect.get("clients")) {
            states.add(new ClientState(new ClientMajorVersion(new ClientId(c.get(0).asText()), c.get(1).asInt()),
                    c.get(2).asInt(), c.get(3).asBoolean()));
        }
        return new Update(states, expect.get("updateVersion").asLong());
    }

    @Override
    protected Set<String> rules() {
        // One or more vectors for each rule of specs/clients/versioning.md section 4.
        return Set.of("timestamp", "body", "element-count", "client-list", "client-state", "client-id",
                "major-version", "minor-version", "active", "duplicate-client", "update-version");
    }

    @Override
    protected int minimumProduced() {
        return 13;
    }

    @Test
    void theContactGroupAndAMessageHaveTheVectorIds() {
        Group contactGroup = contactGroup("versioning contact group");
        assertThat(named("versioning: the first update in the versioning contact group").get("groupIdHex").asText())
                .isEqualTo(named("versioning contact group").get("groupIdHex").asText());

        assertMessageId("versioning: the first update in the versioning contact group", contactGroup,
                new Update(List.of(new ClientState(new ClientMajorVersion(
                        new ClientId("org.briarproject.bramble.properties"), 0), 0, false)), 1));
    }
}
