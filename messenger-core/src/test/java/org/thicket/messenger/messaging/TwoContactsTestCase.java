package org.thicket.messenger.messaging;

import org.junit.jupiter.api.BeforeEach;

/** Alice and Bob, made each other's contacts before each test, with their client versions swapped. */
abstract class TwoContactsTestCase extends TwoNodesTestCase {

    @BeforeEach
    void meet() throws Exception {
        MessagingNode.befriend(alice, bob);
    }
}
