package org.thicket.messenger.headless.api;

import java.util.List;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.db.api.TransactionManager;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.plugin.api.PluginManager;
import org.thicket.bramble.rendezvous.api.PendingContactManager;
import org.thicket.messenger.contact.api.InPersonAdding;
import org.thicket.messenger.headless.service.ContactList;
import org.thicket.messenger.headless.service.Conversations;
import org.thicket.messenger.node.MessengerNode;
import org.thicket.messenger.qr.api.QrCodes;

/**
 * The one place that lists the API's resources. A new resource is one class implementing {@link ApiResource} and
 * one line here.
 */
final class ApiResources {

    private ApiResources() {
    }

    static List<ApiResource> of(MessengerNode node) {
        TransactionManager db = node.get(TransactionManager.class);
        ContactManager contacts = node.get(ContactManager.class);
        return List.of(
                new IdentityResource(db, node.get(IdentityManager.class)),
                new ContactResource(db, contacts, ContactList.of(node)),
                new MessageResource(Conversations.of(node)),
                new TransportResource(node.get(PluginManager.class)),
                new TorResource(node.get(PluginManager.class)),
                new PendingContactResource(node.get(PendingContactManager.class)),
                new KeyAgreementResource(node.get(InPersonAdding.class), node.get(QrCodes.class)));
    }
}
