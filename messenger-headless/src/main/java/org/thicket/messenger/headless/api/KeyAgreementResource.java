package org.thicket.messenger.headless.api;

import java.util.Locale;
import org.thicket.bramble.keyagreement.api.InvalidPayloadException;
import org.thicket.bramble.keyagreement.api.KeyAgreementException;
import org.thicket.messenger.contact.api.InPersonAdding;
import org.thicket.messenger.contact.api.InPersonAddingStatus;
import org.thicket.messenger.headless.service.OurCode;
import org.thicket.messenger.qr.api.QrCodes;
import org.thicket.messenger.qr.api.QrDecodeException;

/**
 * Adding a contact in person (specs/bqp.md, then specs/contact-exchange.md): POST /v1/key-agreement/start, GET
 * /v1/key-agreement/qr.png, POST /v1/key-agreement/scan, GET and DELETE /v1/key-agreement. A refused code answers
 * 400 with a reason code; a request that does not fit the session's state answers 409.
 */
final class KeyAgreementResource implements ApiResource {

    /** Modules of 8 pixels: a version-3 code with its quiet zone is under 300 pixels wide, easy to scan. */
    private static final int PIXELS_PER_MODULE = 8;

    /**
     * @param payload our code's bytes as text to paste (base64)
     * @param qrText our code for a terminal with a dark background
     */
    record StartJson(String payload, String qrText) {
    }

    /** @param payload the peer's code as pasted text (base64, blanks ignored) */
    record ScanRequest(String payload) {
    }

    /**
     * @param state an {@link InPersonAddingStatus.State} name
     * @param contactId the contact added, in state ADDED, else null
     * @param reason an {@link org.thicket.messenger.contact.api.InPersonAddingFailure} name in state FAILED, else
     *        null
     */
    record StatusJson(String state, Integer contactId, String reason) {

        static StatusJson of(InPersonAddingStatus status) {
            return new StatusJson(status.state().name(),
                    status.contactId() == null ? null : status.contactId().value(),
                    status.failure() == null ? null : status.failure().name());
        }
    }

    private final InPersonAdding adding;
    private final QrCodes qrCodes;

    KeyAgreementResource(InPersonAdding adding, QrCodes qrCodes) {
        this.adding = adding;
        this.qrCodes = qrCodes;
    }

    @Override
    public void register(Routes routes) {
        routes.post("/v1/key-agreement/start", request -> Reply.ok(start()));
        routes.get("/v1/key-agreement/qr.png", request -> {
            byte[] payload = adding.payload().orElseThrow(() -> new ApiException(404, "NO_SESSION",
                    "No code to show: start a session first"));
            return Reply.bytes("image/png", qrCodes.toPng(qrCodes.encode(payload), PIXELS_PER_MODULE));
        });
        routes.post("/v1/key-agreement/scan", request -> {
            scan(scanned(request));
            return new Reply(202, StatusJson.of(adding.status()));
        });
        routes.get("/v1/key-agreement", request -> Reply.ok(StatusJson.of(adding.status())));
        routes.delete("/v1/key-agreement", request -> {
            adding.cancel();
            return Reply.NO_CONTENT;
        });
    }

    private StartJson start() throws ApiException {
        OurCode code;
        try {
            code = OurCode.start(adding, qrCodes);
        } catch (IllegalStateException e) {
            throw new ApiException(409, "BUSY", "A session is running; DELETE /v1/key-agreement first");
        } catch (KeyAgreementException e) {
            throw new ApiException(409, e.getReason().name(), e.getMessage());
        }
        return new StartJson(code.payloadText(), code.terminalText());
    }

    /** The peer's payload: from an uploaded image (image/*), else from the JSON body's pasted text. */
    private byte[] scanned(ApiRequest request) throws ApiException {
        String contentType = request.contentType();
        try {
            if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("image/")) {
                return qrCodes.decodeImage(request.rawBody());
            }
            ScanRequest scan = request.body(ScanRequest.class);
            if (scan.payload() == null) throw ApiException.badRequest("\"payload\" is required");
            return qrCodes.decodeText(scan.payload());
        } catch (QrDecodeException e) {
            throw new ApiException(400, "UNREADABLE", e.getMessage());
        }
    }

    private void scan(byte[] payload) throws ApiException {
        try {
            adding.scan(payload);
        } catch (InvalidPayloadException e) {
            throw new ApiException(400, e.getReason().name(), e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(409, "NOT_WAITING", "No session is waiting for a scan: POST "
                    + "/v1/key-agreement/start first, once per contact");
        }
    }
}
