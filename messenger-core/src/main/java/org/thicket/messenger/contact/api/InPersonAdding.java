package org.thicket.messenger.contact.api;

import java.util.Optional;
import org.thicket.bramble.keyagreement.api.InvalidPayloadException;
import org.thicket.bramble.keyagreement.api.KeyAgreementException;

/**
 * Adding a contact in person: both people show their code and scan the other's. A session runs key agreement (BQP)
 * and then contact exchange, and the contact is added as verified. One session at a time; its progress is
 * {@link #status()}, and every change is published as an {@link InPersonAddingStatusEvent}.
 */
public interface InPersonAdding {

    /**
     * Starts a session: listens for the peer on every transport that can, and returns our payload, the bytes of the
     * QR code to show. The status becomes {@link InPersonAddingStatus.State#WAITING}.
     *
     * @throws IllegalStateException if a session is running (cancel it first)
     * @throws KeyAgreementException if no transport can listen; the status becomes FAILED
     */
    byte[] start() throws KeyAgreementException;

    /**
     * Takes the peer's scanned code and runs key agreement and contact exchange in the background; follow them by
     * {@link #status()} or events. A code that cannot be used is refused here and the session keeps waiting, so the
     * user can scan again. Our own code is found out by key agreement and fails the session (OWN_PAYLOAD).
     *
     * @throws InvalidPayloadException naming why the code cannot be used
     * @throws IllegalStateException if no session is waiting for a scan
     */
    void scan(byte[] scanned) throws InvalidPayloadException;

    /** Our payload while a session is waiting or connecting. */
    Optional<byte[]> payload();

    InPersonAddingStatus status();

    /**
     * Ends the session, if any, and the status becomes IDLE. Key agreement stops at once; a contact exchange that
     * has begun cannot be called back (the peer is adding us too) and may still add the contact.
     */
    void cancel();
}
