package org.thicket.bramble.test;

import java.security.SecureRandom;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.system.api.Clock;

/**
 * Two nodes that are each other's contacts with matching transport keys, as after key agreement: one root key, one
 * timestamp, opposite roles. Unlike {@link CoreNode#addContact}, their streams can be read by each other.
 *
 * @param bAtA the ID {@code a}'s database gave {@code b}
 * @param aAtB the ID {@code b}'s database gave {@code a}
 */
public record Friends(ContactId bAtA, ContactId aAtB) {

    public static Friends befriend(CoreNode a, CoreNode b) throws DbException {
        byte[] root = new byte[SecretKey.LENGTH];
        new SecureRandom().nextBytes(root);
        long timestamp = a.get(Clock.class).currentTimeMillis();
        ContactId bAtA = add(a, b.identity(), root, timestamp, true);
        ContactId aAtB = add(b, a.identity(), root, timestamp, false);
        return new Friends(bAtA, aAtB);
    }

    private static ContactId add(CoreNode node, Identity remote, byte[] root, long timestamp, boolean alice)
            throws DbException {
        Identity ours = node.identity();
        SecretKey rootKey = new SecretKey(root.clone());
        try {
            return node.db().transactionWithResult(false, txn -> node.get(ContactManager.class).addContact(txn,
                    remote.localAuthor().author(), ours.id(), rootKey, timestamp, alice, true, true));
        } finally {
            rootKey.wipe();
        }
    }
}
