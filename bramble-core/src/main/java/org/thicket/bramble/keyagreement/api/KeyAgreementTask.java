package org.thicket.bramble.keyagreement.api;

/**
 * One in-person key agreement (BQP), used once. The app first calls {@link #listen} and shows the payload as a QR
 * code; once the user has scanned the peer's code (parsed with {@link PayloadCodec}) it calls {@link #connect},
 * which blocks until the master key is agreed or the attempt failed. The task publishes
 * {@link KeyAgreementWaitingEvent}, {@link KeyAgreementStartedEvent}, then {@link KeyAgreementFinishedEvent} or
 * {@link KeyAgreementFailedEvent} as it goes, for apps that follow it by events.
 */
public interface KeyAgreementTask {

    /**
     * Creates our ephemeral key pair and starts a key-agreement listener on every started plugin that supports key
     * agreement.
     *
     * @return our payload, encoded: the bytes of our QR code
     * @throws KeyAgreementException with {@link KeyAgreementException.Reason#NO_TRANSPORT} if no plugin could
     *         listen, or {@link KeyAgreementException.Reason#CANCELLED} if the task was cancelled
     * @throws IllegalStateException if called twice
     */
    byte[] listen() throws KeyAgreementException;

    /**
     * Runs key agreement with the peer whose code we scanned: we connect to the peer's listeners while ours keep
     * accepting; as Alice (the smaller commitment) we take the first connection made, as Bob the first one the peer
     * speaks on, and the others are closed. Then the protocol runs on it, within the timeout (60 s by default).
     *
     * <p>On failure the connection is closed, everything is released and nothing is stored. On success the
     * connection is the caller's, for contact exchange, and so is the master key, which it wipes.
     *
     * @throws KeyAgreementException naming the reason
     * @throws IllegalStateException if {@link #listen} has not returned, or connect was called before
     */
    KeyAgreementResult connect(Payload remotePayload) throws KeyAgreementException;

    /**
     * Gives up: closes the listeners and any connection (the peer sees the connection fail). A blocked
     * {@link #connect} fails with {@link KeyAgreementException.Reason#CANCELLED}. Safe to call at any time, from
     * any thread, more than once.
     */
    void cancel();
}
