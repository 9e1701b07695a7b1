package org.thicket.bramble.contactexchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.contact.api.NoSuchContactException;
import org.thicket.bramble.contact.api.PendingContact;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.contactexchange.api.ContactExchangeConfig;
import org.thicket.bramble.contactexchange.api.ContactExchangeManager;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.identity.api.LocalAuthor;
import org.thicket.bramble.keyagreement.MemoryKeyAgreementNetwork;
import org.thicket.bramble.keyagreement.api.KeyAgreementResult;
import org.thicket.bramble.keyagreement.api.KeyAgreementTask;
import org.thicket.bramble.keyagreement.api.KeyAgreementTaskFactory;
import org.thicket.bramble.keyagreement.api.PayloadCodec;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.plugin.api.TransportPropertyStore;
import org.thicket.bramble.properties.api.TransportPropertyManager;
import org.thicket.bramble.record.api.Record;
import org.thicket.bramble.record.api.RecordReaderFactory;
import org.thicket.bramble.record.api.RecordWriter;
import org.thicket.bramble.record.api.RecordWriterFactory;
import org.thicket.bramble.stream.api.StreamContext;
import org.thicket.bramble.stream.api.StreamReaderFactory;
import org.thicket.bramble.stream.api.StreamWriter;
import org.thicket.bramble.stream.api.StreamWriterFactory;
import org.thicket.bramble.stream.api.TagEncoder;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.test.CoreNode;
import org.thicket.bramble.test.MemoryConnection;
import org.thicket.bramble.test.TestNode;
import org.thicket.bramble.transport.api.KeyManager;

/**
 * Contact exchange between real cores: after a real BQP run over an in-memory LAN each side holds the other as a
 * verified contact with working rotation keys and the connection is handed on (Alice's as outgoing, Bob's as
 * incoming) at the exact end of the exchange streams; against a peer whose contact info does not check out the
 * exchange fails, closes the connection and stores nothing.
 */
class ContactExchangeTest {

    private static final TransportId LAN = MemoryKeyAgreementNetwork.TRANSPORT;
    private static final TransportProperties ALICE_LAN = new TransportProperties(Map.of("ipPorts", "10.0.0.2:40000"));

    /** Times the exchanges' watchdogs; shared by the tests, stopped after the last. */
    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor();

    @TempDir
    Path aliceDir;
    @TempDir
    Path bobDir;

    private final MemoryKeyAgreementNetwork network = new MemoryKeyAgreementNetwork();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) c.close();
    }

    @AfterAll
    static void stopScheduler() {
        SCHEDULER.shutdownNow();
    }

    private CoreNode node(Path dir, String name, int parity) {
        CoreNode node = CoreNode.create(dir, name, parity, network.module());
        open.add(node);
        return node;
    }

    /** The node's contact exchange, handing connections to a recording connection manager. */
    private static ContactExchangeManager exchange(CoreNode node, RecordingConnectionManager connections) {
        return exchange(node, connections, ContactExchangeConfig.DEFAULT);
    }

    private static ContactExchangeManager exchange(CoreNode node, RecordingConnectionManager connections,
            ContactExchangeConfig config) {
        return new ContactExchangeManagerImpl(node.get(ContactExchangeCrypto.class), node.db(),
                node.get(IdentityManager.class), node.get(ContactManager.class),
                node.get(TransportPropertyManager.class), node.get(ClientHelper.class), node.get(BdfCodec.class),
                node.get(StreamReaderFactory.class), node.get(StreamWriterFactory.class),
                node.get(RecordReaderFactory.class), node.get(RecordWriterFactory.class), connections,
                node.get(Clock.class), SCHEDULER, config);
    }

    @Test
    void keyAgreementThenContactExchangeMakesVerifiedContactsWithMatchingKeys() throws Exception {
        CoreNode first = node(aliceDir, "Alice", 0);
        CoreNode second = node(bobDir, "Bob", 1);
        first.get(TransportPropertyStore.class).mergeLocalProperties(LAN, ALICE_LAN);
        RecordingConnectionManager firstConnections = new RecordingConnectionManager();
        RecordingConnectionManager secondConnections = new RecordingConnectionManager();
        KeyAgreementResult[] results = agree(first, second);

        CompletableFuture<Contact> firstContact = exchangeAsync(exchange(first, firstConnections), results[0]);
        Contact secondContact = exchange(second, secondConnections).exchangeContacts(results[1].transportId(),
                results[1].connection(), results[1].masterKey(), results[1].alice(), true);
        Contact firstsContact = firstContact.get(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertThat(firstsContact.author()).isEqualTo(second.identity().localAuthor().author());
        assertThat(secondContact.author()).isEqualTo(first.identity().localAuthor().author());
        assertThat(firstsContact.verified()).isTrue();
        assertThat(contacts(first)).containsExactly(firstsContact);
        assertThat(contacts(second)).containsExactly(secondContact);
        assertThat(second.get(TransportPropertyStore.class).getRemoteProperties(secondContact.id(), LAN))
                .isEqualTo(ALICE_LAN);

        // Each side's outgoing keys are the other's incoming keys.
        assertRecognised(first, firstsContact, second, secondContact);
        assertRecognised(second, secondContact, first, firstsContact);

        // Alice hands her connection on as outgoing, Bob as incoming, and the exchange streams ended exactly.
        CoreNode aliceNode = results[0].alice() ? first : second;
        RecordingConnectionManager alice = results[0].alice() ? firstConnections : secondConnections;
        RecordingConnectionManager bob = results[0].alice() ? secondConnections : firstConnections;
        assertThat(alice.incoming).isEmpty();
        assertThat(bob.outgoing).isEmpty();
        assertThat(alice.outgoing).singleElement().satisfies(h -> {
            assertThat(h.transportId()).isEqualTo(LAN);
            assertThat(h.contactId()).isEqualTo((aliceNode == first ? firstsContact : secondContact).id());
        });
        assertThat(bob.incoming).singleElement().satisfies(h -> assertThat(h.transportId()).isEqualTo(LAN));
        DuplexTransportConnection aliceConnection = alice.outgoing.get(0).connection();
        DuplexTransportConnection bobConnection = bob.incoming.get(0).connection();
        aliceConnection.getWriter().getOutputStream().write(new byte[] {1, 2, 3});
        assertThat(bobConnection.getReader().getInputStream().readNBytes(3)).containsExactly(1, 2, 3);
        bobConnection.getWriter().getOutputStream().write(7);
        assertThat(aliceConnection.getReader().getInputStream().read()).isEqualTo(7);
    }

    @Test
    void theNewContactReplacesThePendingContact() throws Exception {
        CoreNode first = node(aliceDir, "Alice", 0);
        CoreNode second = node(bobDir, "Bob", 1);
        PublicKey handshakeKey = second.identity().handshakeKeyPair().publicKey();
        PendingContactId pendingId = new PendingContactId(
                first.get(CryptoComponent.class).hash(PendingContactId.LABEL, handshakeKey.getEncoded()));
        first.db().transaction(false, txn -> first.db().addPendingContact(txn,
                new PendingContact(pendingId, handshakeKey, "Bob from the bus", first.get(Clock.class)
                        .currentTimeMillis())));
        SecretKey masterKey = TestNode.randomKey();
        MemoryConnection[] ends = MemoryConnection.pair(30_000, 60_000);

        CompletableFuture<Contact> bobsContact = CompletableFuture.supplyAsync(() -> {
            try {
                return exchange(second, new RecordingConnectionManager()).exchangeContacts(LAN, ends[1],
                        new SecretKey(masterKey.getBytes()), false, false);
            } catch (IOException | DbException e) {
                throw new IllegalStateException(e);
            }
        });
        Contact contact = exchange(first, new RecordingConnectionManager()).exchangeContacts(pendingId, LAN, ends[0],
                masterKey, true, false);
        bobsContact.get(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertThat(contact.verified()).isFalse();
        assertThat(contact.alias()).as("the name the user gave the link").isEqualTo("Bob from the bus");
        assertThat(contacts(first)).containsExactly(contact);
        assertThatThrownBy(() -> first.db().transaction(false, txn -> first.db().removePendingContact(txn, pendingId)))
                .isInstanceOf(NoSuchContactException.class);
    }

    @Test
    void aSignatureOverTheWrongNonceAddsNoContact() throws Exception {
        CoreNode honest = node(aliceDir, "Alice", 0);
        CoreNode rogue = node(bobDir, "Bob", 1);
        SecretKey masterKey = TestNode.randomKey();
        byte[] aliceNonce = honest.get(ContactExchangeCrypto.class).nonce(masterKey, true);
        // Bob signs Alice's nonce, not his own: a signature replayed from her side of the exchange.
        assertRejected(honest, rogue, masterKey, aliceNonce, rogue.get(Clock.class).currentTimeMillis(),
                "signature does not verify");
    }

    @Test
    void anAgreedTimestampBefore2021AddsNoContact() throws Exception {
        CoreNode honest = node(aliceDir, "Alice", 0);
        CoreNode rogue = node(bobDir, "Bob", 1);
        SecretKey masterKey = TestNode.randomKey();
        byte[] bobNonce = honest.get(ContactExchangeCrypto.class).nonce(masterKey, false);
        assertRejected(honest, rogue, masterKey, bobNonce, ContactExchangeManagerImpl.MIN_TIMESTAMP_MS - 1,
                "before 2021");
    }

    @Test
    void aPeerThatSendsNothingTimesOutAndAddsNoContact() throws Exception {
        CoreNode honest = node(aliceDir, "Alice", 0);
        MemoryConnection[] ends = MemoryConnection.pair(30_000, 60_000);
        RecordingConnectionManager connections = new RecordingConnectionManager();

        assertThatThrownBy(() -> exchange(honest, connections, new ContactExchangeConfig(200))
                .exchangeContacts(LAN, ends[0], TestNode.randomKey(), true, true))
                .isInstanceOf(IOException.class).hasMessageContaining("timed out");
        assertThat(contacts(honest)).isEmpty();
        assertThat(ends[0].isClosed()).isTrue();
        assertThat(connections.outgoing).isEmpty();
    }

    /** The honest node as Alice against a Bob who signs {@code signedNonce} and sends {@code timestamp}. */
    private void assertRejected(CoreNode honest, CoreNode rogue, SecretKey masterKey, byte[] signedNonce,
            long timestamp, String reason) throws Exception {
        MemoryConnection[] ends = MemoryConnection.pair(30_000, 60_000);
        RecordingConnectionManager connections = new RecordingConnectionManager();
        SecretKey rogueMaster = new SecretKey(masterKey.getBytes());
        CompletableFuture<Contact> result = exchangeAsync(exchange(honest, connections),
                new KeyAgreementResult(masterKey, ends[0], LAN, true));

        LocalAuthor bob = rogue.identity().localAuthor();
        ContactExchangeCrypto crypto = rogue.get(ContactExchangeCrypto.class);
        ContactInfo info = new ContactInfo(bob.author(), Map.of(), crypto.sign(signedNonce, bob.privateKey()),
                timestamp);
        StreamWriter stream = rogue.get(StreamWriterFactory.class).createContactExchangeStreamWriter(
                ends[1].getWriter().getOutputStream(), crypto.headerKey(rogueMaster, false));
        RecordWriter writer = rogue.get(RecordWriterFactory.class).createRecordWriter(stream.getOutputStream());
        byte[] payload = rogue.get(BdfCodec.class).encode(info.toList(rogue.get(ClientHelper.class)));
        writer.writeRecord(new Record(1, 0, payload));
        stream.sendEndOfStream();

        assertThatThrownBy(() -> result.get(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).rootCause().hasMessageContaining(reason);
        assertThat(contacts(honest)).isEmpty();
        assertThat(ends[0].isClosed()).isTrue();
        assertThat(connections.incoming).isEmpty();
        assertThat(connections.outgoing).isEmpty();
    }

    /** A real BQP run over the in-memory LAN: the first node's result, then the second's. */
    private static KeyAgreementResult[] agree(CoreNode first, CoreNode second) throws Exception {
        KeyAgreementTask a = first.get(KeyAgreementTaskFactory.class).createTask();
        KeyAgreementTask b = second.get(KeyAgreementTaskFactory.class).createTask();
        byte[] codeA = a.listen();
        byte[] codeB = b.listen();
        PayloadCodec codec = first.get(PayloadCodec.class);
        CompletableFuture<KeyAgreementResult> resultA = CompletableFuture.supplyAsync(() -> {
            try {
                return a.connect(codec.parse(codeB));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        KeyAgreementResult resultB = b.connect(codec.parse(codeA));
        return new KeyAgreementResult[] {resultA.get(CoreNode.TIMEOUT_SECONDS, TimeUnit.SECONDS), resultB};
    }

    private static CompletableFuture<Contact> exchangeAsync(ContactExchangeManager exchange, KeyAgreementResult r) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return exchange.exchangeContacts(r.transportId(), r.connection(), r.masterKey(), r.alice(), true);
            } catch (IOException | DbException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Collection<Contact> contacts(CoreNode node) throws DbException {
        return node.db().transactionWithResult(true, txn -> node.get(ContactManager.class).getContacts(txn));
    }

    /** A stream the writer's keys would tag is recognised by the reader as coming from the writer. */
    private static void assertRecognised(CoreNode writer, Contact writersContact, CoreNode reader,
            Contact readersContact) throws DbException {
        StreamContext out = writer.get(KeyManager.class).getStreamContext(writersContact.id(), LAN);
        assertThat(out).as("outgoing keys").isNotNull();
        byte[] tag = writer.get(TagEncoder.class).encodeTag(out.tagKey(), 4, out.streamNumber());
        StreamContext in = reader.get(KeyManager.class).getStreamContext(LAN, tag);
        assertThat(in).as("the tag is recognised").isNotNull();
        assertThat(in.contactId()).isEqualTo(readersContact.id());
    }
}
