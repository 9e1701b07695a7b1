package org.thicket.bramble.handshake.api;

/** BHP 0.1 (specs/bhp.md): record version and types, sizes and labels. */
public final class HandshakeConstants {

    /** The record-layer version byte: BHP's major version. */
    public static final int PROTOCOL_MAJOR_VERSION = 0;
    /** The only minor version we speak; 0.0 (no MINOR_VERSION record) derived its master key without the e-e term. */
    public static final int PROTOCOL_MINOR_VERSION = 1;

    public static final int RECORD_TYPE_EPHEMERAL_PUBLIC_KEY = 0;
    public static final int RECORD_TYPE_PROOF_OF_OWNERSHIP = 1;
    public static final int RECORD_TYPE_MINOR_VERSION = 2;

    public static final int PROOF_BYTES = 32;

    public static final String MASTER_KEY_LABEL_0_1 = "org.briarproject.bramble.handshake/MASTER_KEY_0_1";
    public static final String ALICE_PROOF_LABEL = "org.briarproject.bramble.handshake/ALICE_PROOF";
    public static final String BOB_PROOF_LABEL = "org.briarproject.bramble.handshake/BOB_PROOF";

    private HandshakeConstants() {
    }
}
