package org.thicket.messenger.headless.e2e;

import com.fasterxml.jackson.databind.JsonNode;

/** A test's way to a node's API: over loopback from this JVM, or by curl inside the node's network namespace. */
public interface NodeApi {

    /** A reply: its status and its body parsed as JSON (null if empty). */
    record Answer(int status, JsonNode json) {
    }

    /** The JSON of a GET that must answer 200. */
    JsonNode get(String path) throws Exception;

    /** A POST with the value as JSON body. */
    Answer post(String path, Object body) throws Exception;
}
