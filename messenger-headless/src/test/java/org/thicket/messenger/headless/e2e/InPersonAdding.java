package org.thicket.messenger.headless.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;

/** Two nodes add each other in person through their APIs, as two people swapping QR codes would. */
public final class InPersonAdding {

    private static final long WAIT_MS = 60_000;
    private static final Set<String> RUNNING = Set.of("WAITING", "CONNECTING", "EXCHANGING");

    private InPersonAdding() {
    }

    /** Each starts, each scans the other's payload; both must end ADDED. Returns {a's ID for b, b's ID for a}. */
    public static int[] addEachOther(NodeApi a, NodeApi b) throws Exception {
        String aPayload = start(a);
        String bPayload = start(b);
        scan(a, bPayload);
        scan(b, aPayload);
        return new int[] {awaitAdded(a), awaitAdded(b)};
    }

    private static String start(NodeApi node) throws Exception {
        NodeApi.Answer started = node.post("/v1/key-agreement/start", Map.of());
        if (started.status() != 200) throw new AssertionError("start: " + started);
        return started.json().get("payload").asText();
    }

    private static void scan(NodeApi node, String payload) throws Exception {
        NodeApi.Answer scanned = node.post("/v1/key-agreement/scan", Map.of("payload", payload));
        if (scanned.status() != 202) throw new AssertionError("scan: " + scanned);
    }

    private static int awaitAdded(NodeApi node) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (true) {
            JsonNode status = node.get("/v1/key-agreement");
            String state = status.get("state").asText();
            if (state.equals("ADDED")) return status.get("contactId").asInt();
            if (!RUNNING.contains(state)) throw new AssertionError("In-person adding ended " + status);
            if (System.currentTimeMillis() > deadline) throw new AssertionError("Still " + status);
            Thread.sleep(100);
        }
    }
}
