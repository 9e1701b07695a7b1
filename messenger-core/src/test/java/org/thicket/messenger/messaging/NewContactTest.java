package org.thicket.messenger.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.thicket.messenger.messaging.api.MessagingConstants.NO_AUTO_DELETE_TIMER;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.client.api.ContactGroupFactory;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.versioning.api.ClientVersioningManager;
import org.thicket.messenger.messaging.api.NotSupportedByContactException;
import org.thicket.messenger.messaging.api.PrivateMessageDeliveredEvent;
import org.thicket.messenger.messaging.api.PrivateMessageHeader;

/**
 * Writing to a contact before and after it has said which clients it runs: a message written first waits and
 * travels with the first sync; a contact whose list lacks private messaging is refused.
 */
class NewContactTest extends TwoNodesTestCase {

    private static final long ONE_DAY_MS = 24L * 60 * 60 * 1000;

    @Test
    void aMessageWrittenBeforeTheContactsFirstSyncWaitsWithoutATimerAndArrivesWithIt() throws Exception {
        MessagingNode.meet(alice, bob);

        PrivateMessageHeader early = alice.call(txn -> alice.messaging().sendPrivateMessage(txn, alice.peer(),
                "written the moment we met", List.of(), ONE_DAY_MS));

        assertThat(early.autoDeleteTimer()).as("Bob's minor version is unknown: the oldest form")
                .isEqualTo(NO_AUTO_DELETE_TIMER);
        assertThat(ConversationTest.bodyElements(alice, early.id())).as("[0, text, []]").isEqualTo(3);
        assertThat(conversation(alice, alice.peer())).containsExactly(early);
        List<MessageId> due = Courier.moveMessages(alice, bob).stream().map(Message::getId).toList();
        assertThat(due).as("only the versioning update travels before Bob's arrives").doesNotContain(early.id())
                .hasSize(1);

        Courier.settle(alice, bob);

        assertThat(conversation(bob, bob.peer()))
                .extracting(PrivateMessageHeader::id, PrivateMessageHeader::local)
                .containsExactly(tuple(early.id(), false));
        alice.await(PrivateMessageDeliveredEvent.class, e -> e.messageId().equals(early.id()));
        assertThat(conversation(alice, alice.peer()))
                .extracting(PrivateMessageHeader::delivered).containsExactly(true);
    }

    @Test
    void aContactWhoseListOfClientsLacksPrivateMessagingIsRefusedAndNothingIsStored() throws Exception {
        Author carol = alice.get(IdentityManager.class).createIdentity("Carol").localAuthor().author();
        Author me = alice.author();
        ContactId carolId = alice.call(txn -> alice.get(ContactManager.class).addContact(txn, carol, me.id(),
                new SecretKey(new byte[SecretKey.LENGTH]), alice.clock().currentTimeMillis(), true, true, true));

        Message update = alice.get(ClientHelper.class).createMessage(alice.get(ContactGroupFactory.class)
                        .createContactGroup(ClientVersioningManager.CLIENT_ID, ClientVersioningManager.MAJOR_VERSION,
                                me.id(), carol.id()).getId(),
                alice.clock().currentTimeMillis(), BdfList.of(new BdfList(), 1L));
        boolean added = alice.call(txn -> alice.db().receiveMessage(txn, carolId, update));
        assertThat(added).isTrue();
        assertThat(Courier.awaitOutcome(alice, update.getId())).isEqualTo(MessageState.DELIVERED);

        assertThatThrownBy(() -> alice.call(txn -> alice.messaging().sendPrivateMessage(txn, carolId,
                "Carol said she runs no messaging", List.of(), NO_AUTO_DELETE_TIMER)))
                .isInstanceOf(NotSupportedByContactException.class);
        assertThat(conversation(alice, carolId)).isEmpty();
    }

    private static List<PrivateMessageHeader> conversation(MessagingNode node, ContactId contact) throws Exception {
        return node.call(txn -> node.messaging().getConversation(txn, contact));
    }
}
