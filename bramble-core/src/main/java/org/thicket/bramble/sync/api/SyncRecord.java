package org.thicket.bramble.sync.api;

/**
 * A BSP record as read from or written to a peer. The six kinds are the six record types of protocol version 0;
 * a reader returns one of them, so code that handles records can match every case.
 */
public sealed interface SyncRecord permits Ack, MessageRecord, Offer, Request, Versions, Priority {
}
