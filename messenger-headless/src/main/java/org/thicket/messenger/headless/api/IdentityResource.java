package org.thicket.messenger.headless.api;

import org.thicket.bramble.db.api.TransactionManager;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.util.Bytes;

/** GET /v1/identity: who this node is. */
final class IdentityResource implements ApiResource {

    /** @param authorId 64 hex digits, as in the READY line */
    record IdentityJson(String nickname, String authorId) {
    }

    private final TransactionManager db;
    private final IdentityManager identities;

    IdentityResource(TransactionManager db, IdentityManager identities) {
        this.db = db;
        this.identities = identities;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/v1/identity", request -> {
            Author author = db.transactionWithResult(true, identities::getIdentity).localAuthor().author();
            return Reply.ok(new IdentityJson(author.name(), Bytes.toHex(author.id().getBytes())));
        });
    }
}
