package org.thicket.bramble.sync.api;

import java.io.IOException;

/** Writes BSP records to a peer's stream. */
public interface SyncRecordWriter {

    /** Writes one ACK record per {@link SyncConstants#MAX_MESSAGE_IDS} IDs, in order. */
    void writeAck(Ack ack) throws IOException;

    void writeMessage(Message message) throws IOException;

    /** Writes one OFFER record per {@link SyncConstants#MAX_MESSAGE_IDS} IDs, in order. */
    void writeOffer(Offer offer) throws IOException;

    /** Writes one REQUEST record per {@link SyncConstants#MAX_MESSAGE_IDS} IDs, in order. */
    void writeRequest(Request request) throws IOException;

    void writeVersions(Versions versions) throws IOException;

    void writePriority(Priority priority) throws IOException;

    /** Pushes the written records to the stream below (for BTP, ends the current frame early). */
    void flush() throws IOException;
}
