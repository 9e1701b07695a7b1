package org.thicket.messenger.messaging;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Alice and Bob, whole nodes in their own directories, made each other's contacts before each test. */
abstract class TwoContactsTestCase {

    @TempDir
    Path root;

    MessagingNode alice;
    MessagingNode bob;

    @BeforeEach
    void meet() throws Exception {
        alice = MessagingNode.create(root.resolve("alice"), "Alice");
        bob = MessagingNode.create(root.resolve("bob"), "Bob");
        MessagingNode.befriend(alice, bob);
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
