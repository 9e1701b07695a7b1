package org.thicket.messenger.headless;

import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.rendezvous.api.HandshakeLinks;

/**
 * With {@code --print-link}, the line just after READY: {@code LINK briar://<53 characters>}, our link for adding us
 * remotely (specs/brp.md), so a demo or a test can hand it to the other node without asking the API.
 */
final class LinkLine {

    static final String PREFIX = "LINK ";

    private LinkLine() {
    }

    static String of(Identity identity) {
        return PREFIX + HandshakeLinks.encode(identity.handshakeKeyPair().publicKey());
    }
}
