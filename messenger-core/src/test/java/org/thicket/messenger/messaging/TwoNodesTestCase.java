package org.thicket.messenger.messaging;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Alice and Bob, whole nodes in their own directories, started before each test and stopped after it. */
abstract class TwoNodesTestCase {

    @TempDir
    Path root;

    MessagingNode alice;
    MessagingNode bob;

    @BeforeEach
    void start() throws Exception {
        alice = MessagingNode.create(root.resolve("alice"), "Alice");
        bob = MessagingNode.create(root.resolve("bob"), "Bob");
    }

    @AfterEach
    void stop() {
        try {
            if (alice != null) alice.close();
        } finally {
            if (bob != null) bob.close();
        }
    }
}
