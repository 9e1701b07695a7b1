package org.thicket.messenger.headless.console;

import java.util.List;
import org.thicket.bramble.db.api.TransactionManager;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.rendezvous.api.PendingContactManager;

/** Who we are: {@code me} and {@code link}. */
final class IdentityCommands {

    private final TransactionManager db;
    private final IdentityManager identities;
    private final PendingContactManager pending;
    private final ConsoleOutput out;

    IdentityCommands(TransactionManager db, IdentityManager identities, PendingContactManager pending,
            ConsoleOutput out) {
        this.db = db;
        this.identities = identities;
        this.pending = pending;
        this.out = out;
    }

    List<Command> commands() {
        return List.of(
                new Command("me", "", "our nickname and author ID", args -> {
                    args.end();
                    Author me = db.transactionWithResult(true, identities::getIdentity).localAuthor().author();
                    out.line("nickname: " + me.name() + "  author: " + ConsoleFormat.hex(me.id().getBytes()));
                }),
                new Command("link", "", "our briar:// link, for a contact to add us remotely", args -> {
                    args.end();
                    out.line(pending.getHandshakeLink());
                }));
    }
}
