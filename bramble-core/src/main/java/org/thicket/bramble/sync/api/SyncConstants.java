package org.thicket.bramble.sync.api;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.thicket.bramble.record.api.Record;
import org.thicket.bramble.util.UniqueId;

/** The numbers of BSP, the Bramble Synchronisation Protocol (specs/bsp.md). */
public final class SyncConstants {

    /** The BSP version this code speaks; it is the protocol-version byte of every sync record. */
    public static final int PROTOCOL_VERSION = 0;

    /** The versions we announce in a VERSIONS record. */
    public static final List<Integer> SUPPORTED_VERSIONS = List.of(PROTOCOL_VERSION);

    /** The most versions a VERSIONS record may list. */
    public static final int MAX_SUPPORTED_VERSIONS = 10;

    /** The most message IDs in one ACK, OFFER or REQUEST record: a full record payload of IDs. */
    public static final int MAX_MESSAGE_IDS = Record.MAX_PAYLOAD_LENGTH / UniqueId.LENGTH;

    /** The length of the random nonce in a PRIORITY record. */
    public static final int PRIORITY_NONCE_BYTES = 16;

    /** The one-byte format version hashed into every group ID. */
    public static final byte GROUP_FORMAT_VERSION = 1;

    /** The one-byte format version hashed into every message ID and message block hash. */
    public static final byte MESSAGE_FORMAT_VERSION = 1;

    /** The highest maximum latency a transport may declare; it bounds the retransmission delay. */
    public static final long MAX_TRANSPORT_LATENCY = TimeUnit.DAYS.toMillis(365);

    /** The most offered-but-missing message IDs stored per contact; further offers are dropped. */
    public static final int MAX_OFFERED_MESSAGES = 1000;

    private SyncConstants() {
    }
}
