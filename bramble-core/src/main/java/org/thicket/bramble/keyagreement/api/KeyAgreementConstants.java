package org.thicket.bramble.keyagreement.api;

/** The constants of BQP, the QR-code key agreement (specs/bqp.md). Lengths are in bytes, times in milliseconds. */
public final class KeyAgreementConstants {

    /** The version byte of every BQP record. */
    public static final int PROTOCOL_VERSION = 4;

    /** The top three bits of a QR code's first byte: which protocol the code is for (BQP is 0). */
    public static final int QR_FORMAT_ID = 0;

    /** The low five bits of a QR code's first byte: the version of the BQP payload format. */
    public static final int QR_FORMAT_VERSION = 4;

    /** The commitment to our ephemeral public key: the first 16 bytes of its labelled hash. */
    public static final int COMMIT_LENGTH = 16;

    /**
     * The longest payload we parse. A version-40 QR code in byte mode holds at most 2,953 bytes; a real payload with
     * a Bluetooth and a LAN descriptor is under 60, so this leaves room for new transports and nothing more.
     */
    public static final int MAX_PAYLOAD_LENGTH = 1024;

    /** The most descriptors (of any transport, known or not) a payload may list. */
    public static final int MAX_DESCRIPTORS = 16;

    /** How long key agreement may take from scanning the peer's code to the master key. */
    public static final long DEFAULT_TIMEOUT_MS = 60_000;

    /** Record types of protocol version 4. */
    public static final int RECORD_KEY = 0;
    public static final int RECORD_CONFIRM = 1;
    public static final int RECORD_ABORT = 2;

    /** The first element of a descriptor: which transport it describes. */
    public static final int TRANSPORT_NUMBER_BLUETOOTH = 0;
    public static final int TRANSPORT_NUMBER_LAN = 1;

    public static final String LABEL_COMMIT = "org.briarproject.bramble.keyagreement/COMMIT";
    public static final String LABEL_SHARED_SECRET = "org.briarproject.bramble.keyagreement/SHARED_SECRET";
    public static final String LABEL_CONFIRMATION_KEY = "org.briarproject.bramble.keyagreement/CONFIRMATION_KEY";
    public static final String LABEL_CONFIRMATION_MAC = "org.briarproject.bramble.keyagreement/CONFIRMATION_MAC";
    public static final String LABEL_MASTER_KEY = "org.briarproject.bramble.keyagreement/MASTER_SECRET";

    private KeyAgreementConstants() {
    }
}
