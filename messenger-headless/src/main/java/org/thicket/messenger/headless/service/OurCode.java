package org.thicket.messenger.headless.service;

import org.thicket.bramble.keyagreement.api.KeyAgreementException;
import org.thicket.messenger.contact.api.InPersonAdding;
import org.thicket.messenger.qr.api.QrCodes;
import org.thicket.messenger.qr.api.TerminalBackground;

/**
 * Our QR code for adding a contact in person (specs/bqp.md), in the two forms a user without a camera can pass on.
 *
 * @param payloadText the code's bytes as text to paste (base64)
 * @param terminalText the code drawn with Unicode half blocks for a terminal with a dark background
 */
public record OurCode(String payloadText, String terminalText) {

    /**
     * Starts a session of in-person adding and shows its code.
     *
     * @throws IllegalStateException if a session is running
     * @throws KeyAgreementException if no transport can take the peer's connection
     */
    public static OurCode start(InPersonAdding adding, QrCodes qrCodes) throws KeyAgreementException {
        byte[] payload = adding.start();
        return new OurCode(qrCodes.encodeText(payload),
                qrCodes.toTerminalText(qrCodes.encode(payload), TerminalBackground.DARK));
    }
}
