package org.thicket.messenger.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thicket.messenger.messaging.api.MessagingConstants.CLIENT_ID;
import static org.thicket.messenger.messaging.api.MessagingConstants.CLIENT_VERSION;
import static org.thicket.bramble.client.api.ClientHelper.GROUP_KEY_CONTACT_ID;
import static org.thicket.messenger.messaging.api.MessagingConstants.MAJOR_VERSION;
import static org.thicket.messenger.messaging.api.MessagingConstants.NO_AUTO_DELETE_TIMER;

import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.client.api.ContactGroupFactory;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Visibility;
import org.thicket.bramble.versioning.api.ClientVersion;
import org.thicket.bramble.versioning.api.ClientVersioningHook;
import org.thicket.messenger.messaging.api.PrivateMessageHeader;

/** The contact group per contact: created and removed with the contact, synced as client versioning decides. */
class ContactGroupTest extends TwoContactsTestCase {

    private static GroupId groupOf(MessagingNode node, Author remote) throws Exception {
        return node.get(ContactGroupFactory.class)
                .createContactGroup(CLIENT_ID, MAJOR_VERSION, node.author().id(), remote.id()).getId();
    }

    private static boolean hasGroup(MessagingNode node, GroupId group) throws Exception {
        return node.call(txn -> node.db().containsGroup(txn, group));
    }

    private static Visibility visibility(MessagingNode node, ContactId contact, GroupId group) throws Exception {
        return node.call(txn -> node.db().getGroupVisibility(txn, contact, group));
    }

    @Test
    void bothSidesStoreTheSameGroupWithTheContactItBelongsTo() throws Exception {
        GroupId group = groupOf(alice, bob.author());
        assertThat(groupOf(bob, alice.author())).isEqualTo(group);

        for (MessagingNode node : List.of(alice, bob)) {
            assertThat(hasGroup(node, group)).isTrue();
            assertThat(node.call(txn -> node.get(ClientHelper.class).getGroupMetadataAsDictionary(txn, group))
                    .getInt(GROUP_KEY_CONTACT_ID)).isEqualTo(node.peer().value());
            assertThat(visibility(node, node.peer(), group)).as("as versioning says").isEqualTo(Visibility.SHARED);
        }
    }

    @Test
    void versioningSetsTheVisibilityThroughTheContributedHook() throws Exception {
        Map<ClientVersion, ClientVersioningHook> hooks =
                alice.get(Key.get(new TypeLiteral<Map<ClientVersion, ClientVersioningHook>>() { }));
        ClientVersioningHook hook = hooks.get(CLIENT_VERSION);
        assertThat(hook).isNotNull();
        GroupId group = groupOf(alice, bob.author());
        Contact bobAtAlice = alice.call(txn -> alice.get(ContactManager.class).getContact(txn, alice.peer()));

        alice.call(txn -> {
            hook.onClientVisibilityChanging(txn, bobAtAlice, Visibility.VISIBLE);
            return null;
        });
        assertThat(visibility(alice, alice.peer(), group)).isEqualTo(Visibility.VISIBLE);
        alice.call(txn -> alice.messaging().sendPrivateMessage(txn, alice.peer(), "held back", List.of(),
                NO_AUTO_DELETE_TIMER));
        assertThat(Courier.moveMessages(alice, bob)).as("not sent to a contact the group is only visible to")
                .isEmpty();

        alice.call(txn -> {
            hook.onClientVisibilityChanging(txn, bobAtAlice, Visibility.SHARED);
            return null;
        });
        assertThat(Courier.moveMessages(alice, bob)).hasSize(1);
    }

    @Test
    void removingTheContactRemovesItsConversation() throws Exception {
        GroupId group = groupOf(alice, bob.author());
        alice.call(txn -> alice.messaging().sendPrivateMessage(txn, alice.peer(), "soon gone", List.of(),
                NO_AUTO_DELETE_TIMER));

        alice.call(txn -> {
            alice.get(ContactManager.class).removeContact(txn, alice.peer());
            return null;
        });

        assertThat(hasGroup(alice, group)).isFalse();
    }

    @Test
    void aContactStoredWithoutTheClientGetsItsGroupAtTheNextStart() throws Exception {
        Author carol = alice.get(IdentityManager.class).createIdentity("Carol").localAuthor().author();
        Author me = alice.author();
        ContactId carolId = alice.call(txn -> alice.db().addContact(txn, carol, me.id(), null, false));
        GroupId group = groupOf(alice, carol);
        assertThat(hasGroup(alice, group)).as("no hooks ran").isFalse();

        alice.restart();

        assertThat(hasGroup(alice, group)).isTrue();
        assertThat(visibility(alice, carolId, group)).as("until Carol announces the client")
                .isEqualTo(Visibility.INVISIBLE);
        List<PrivateMessageHeader> conversation = alice.call(txn -> alice.messaging().getConversation(txn, carolId));
        assertThat(conversation).isEmpty();
    }
}
