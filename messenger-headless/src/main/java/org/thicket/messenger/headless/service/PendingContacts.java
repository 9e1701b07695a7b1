package org.thicket.messenger.headless.service;

import java.util.Optional;
import org.thicket.bramble.contact.api.PendingContact;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.rendezvous.api.InvalidLinkException;
import org.thicket.bramble.rendezvous.api.PendingContactManager;
import org.thicket.bramble.rendezvous.api.PendingContactStatus;

/** Adding a contact remotely by link (specs/brp.md). */
public final class PendingContacts {

    private final PendingContactManager pending;

    public PendingContacts(PendingContactManager pending) {
        this.pending = pending;
    }

    /**
     * Adds the link's owner, {@code alias} checked by {@link UserInput#alias}.
     *
     * @param link a link, or text with a link in it, as the user pasted it
     * @return the new pending contact with its state; empty if it was removed in the meantime, which is as good as
     *         never added
     */
    public Optional<PendingContactStatus> add(String link, String alias) throws DbException, InvalidLinkException {
        PendingContact added = pending.addPendingContact(link, UserInput.alias(alias));
        return pending.getPendingContacts().stream().filter(s -> s.contact().id().equals(added.id())).findFirst();
    }
}
