package org.thicket.messenger.headless.console;

import java.util.Collection;
import java.util.List;
import org.thicket.bramble.contact.api.PendingContact;
import org.thicket.bramble.rendezvous.api.PendingContactManager;
import org.thicket.bramble.rendezvous.api.PendingContactStatus;
import org.thicket.messenger.headless.service.ContactList;
import org.thicket.messenger.headless.service.PendingContacts;

/** Our contacts and the ones being added by link: {@code contacts}, {@code add}, {@code pending}. */
final class ContactCommands {

    private final ContactList contactList;
    private final PendingContactManager pending;
    private final PendingContacts adding;
    private final ConsoleFormat format;
    private final ConsoleOutput out;

    ContactCommands(ContactList contactList, PendingContactManager pending, ConsoleFormat format,
            ConsoleOutput out) {
        this.contactList = contactList;
        this.pending = pending;
        this.adding = new PendingContacts(pending);
        this.format = format;
        this.out = out;
    }

    List<Command> commands() {
        return List.of(
                new Command("contacts", "", "our contacts: ID, name (alias), connected, unread messages",
                        args -> {
                            args.end();
                            contacts();
                        }),
                new Command("add", "<briar-link> <alias...>", "add a contact remotely by their link", args -> {
                    String link = args.word("the link");
                    String alias = args.remainder("the alias");
                    PendingContactStatus added = adding.add(link, alias).orElseThrow(() ->
                            new ConsoleException("The pending contact was removed at once"));
                    out.line("Added pending contact " + pendingContact(added));
                }),
                new Command("pending", "", "contacts being added by link, with their states", args -> {
                    args.end();
                    pendingContacts();
                }));
    }

    private void contacts() throws Exception {
        List<ContactList.Entry> entries = contactList.list();
        if (entries.isEmpty()) out.line("No contacts yet: add one with qr/scan or add");
        for (ContactList.Entry e : entries) {
            out.line(ConsoleFormat.contact(e.contact()) + "  " + (e.connected() ? "connected" : "not connected")
                    + "  unread: " + e.unreadCount());
        }
    }

    private void pendingContacts() throws Exception {
        Collection<PendingContactStatus> all = pending.getPendingContacts();
        if (all.isEmpty()) out.line("No pending contacts");
        for (PendingContactStatus s : all) out.line(pendingContact(s));
    }

    /** {@code <alias> <state> since <time> id <hex>}. */
    private String pendingContact(PendingContactStatus status) {
        PendingContact p = status.contact();
        return p.alias() + "  " + status.state().name() + "  since " + format.time(p.timestamp()) + "  id "
                + ConsoleFormat.hex(p.id().getBytes());
    }
}
