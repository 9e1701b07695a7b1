package org.thicket.messenger.headless.api;

import java.util.Optional;
import org.thicket.bramble.contact.api.NoSuchContactException;
import org.thicket.bramble.contact.api.PendingContact;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.rendezvous.api.InvalidLinkException;
import org.thicket.bramble.rendezvous.api.PendingContactManager;
import org.thicket.bramble.rendezvous.api.PendingContactStatus;
import org.thicket.bramble.util.Bytes;
import org.thicket.messenger.headless.service.PendingContacts;

/**
 * Adding contacts remotely by link (specs/brp.md): GET /v1/link, GET and POST /v1/pending-contacts, DELETE
 * /v1/pending-contacts/{pendingContactId}. A refused link answers 400, or 409 if its owner is already pending or a
 * contact, with the {@link InvalidLinkException.Reason} as the error's "reason".
 */
final class PendingContactResource implements ApiResource {

    record LinkJson(String link) {
    }

    /** @param link a link, or text with a link in it, as the user pasted it */
    record AddRequest(String link, String alias) {
    }

    /**
     * @param pendingContactId 64 hex digits
     * @param state a {@link org.thicket.bramble.rendezvous.api.PendingContactState} name
     * @param timestamp when the link was added (Unix ms); the rendezvous gives up two days later
     */
    record PendingContactJson(String pendingContactId, String alias, String state, long timestamp) {

        static PendingContactJson of(PendingContactStatus status) {
            PendingContact p = status.contact();
            return new PendingContactJson(hex(p.id()), p.alias(), status.state().name(), p.timestamp());
        }
    }

    private final PendingContactManager pending;
    private final PendingContacts adding;

    PendingContactResource(PendingContactManager pending) {
        this.pending = pending;
        this.adding = new PendingContacts(pending);
    }

    @Override
    public void register(Routes routes) {
        routes.get("/v1/link", request -> Reply.ok(new LinkJson(pending.getHandshakeLink())));
        routes.get("/v1/pending-contacts", request -> Reply.ok(
                pending.getPendingContacts().stream().map(PendingContactJson::of).toList()));
        routes.post("/v1/pending-contacts", request -> {
            AddRequest add = request.body(AddRequest.class);
            if (add.link() == null) throw ApiException.badRequest("\"link\" is required");
            if (add.alias() == null) throw ApiException.badRequest("\"alias\" is required");
            PendingContactStatus added = add(add.link(), add.alias()).orElseThrow(
                    PendingContactResource::noSuchPendingContact);
            return Reply.created(PendingContactJson.of(added));
        });
        routes.delete("/v1/pending-contacts/{pendingContactId}", request -> {
            PendingContactId id = request.pendingContactId("pendingContactId");
            try {
                pending.removePendingContact(id);
            } catch (NoSuchContactException e) {
                throw noSuchPendingContact();
            }
            return Reply.NO_CONTENT;
        });
    }

    private Optional<PendingContactStatus> add(String link, String alias) throws DbException, ApiException {
        try {
            return adding.add(link, alias);
        } catch (InvalidLinkException e) {
            throw new ApiException(status(e.reason()), e.reason().name(), e.getMessage());
        }
    }

    /** 409 when the link is fine but its owner is already there; 400 when the link itself cannot be used. */
    private static int status(InvalidLinkException.Reason reason) {
        return switch (reason) {
            case ALREADY_PENDING, ALREADY_CONTACT -> 409;
            case WRONG_LENGTH, BAD_BASE32, UNKNOWN_VERSION, INVALID_KEY, OWN_LINK -> 400;
        };
    }

    private static ApiException noSuchPendingContact() {
        return ApiException.notFound("No such pending contact");
    }

    static String hex(PendingContactId id) {
        return Bytes.toHex(id.getBytes());
    }
}
