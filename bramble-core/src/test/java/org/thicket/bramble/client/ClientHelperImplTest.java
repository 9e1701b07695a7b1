package org.thicket.bramble.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thicket.bramble.BrambleCoreModule;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.client.api.ContactGroupFactory;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbCallable;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.MigrationListener;
import org.thicket.bramble.event.api.Event;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.event.api.EventExecutor;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.AuthorFactory;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageAddedEvent;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageSharedEvent;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.validation.api.MessageStateChangedEvent;

/** The client helper over the real codec, crypto and database. */
class ClientHelperImplTest {

    private static final String LABEL = "org.thicket.test/SIGNATURE";

    @TempDir
    Path dir;

    private final List<Event> events = Collections.synchronizedList(new ArrayList<>());
    private Injector injector;
    private DatabaseComponent db;
    private ClientHelper helper;
    private BdfCodec codec;
    private Group group;

    @BeforeEach
    void openDatabase() throws Exception {
        // Events are delivered on the thread that commits, so they are all recorded when a transaction returns.
        injector = Guice.createInjector(Modules.override(new BrambleCoreModule(dir)).with(
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(Executor.class).annotatedWith(EventExecutor.class).toInstance(Runnable::run);
                    }
                }));
        db = injector.getInstance(DatabaseComponent.class);
        helper = injector.getInstance(ClientHelper.class);
        codec = injector.getInstance(BdfCodec.class);
        injector.getInstance(EventBus.class).addListener(events::add);
        group = injector.getInstance(ContactGroupFactory.class).createLocalGroup(new ClientId("org.thicket.test"), 0);
        byte[] key = new byte[SecretKey.LENGTH];
        new SecureRandom().nextBytes(key);
        db.open(new SecretKey(key), MigrationListener.NONE);
        db.transaction(false, txn -> db.addGroup(txn, group));
    }

    @AfterEach
    void closeDatabase() throws Exception {
        db.close();
    }

    private <R> R read(DbCallable<R, FormatException> query) throws DbException, FormatException {
        return db.transactionWithResult(true, query);
    }

    /** One value of every BDF type, nested containers included. */
    private static BdfDictionary everyType() {
        return new BdfDictionary().with("null", null).with("bool", true).with("int", -5L).with("float", 1.5)
                .with("string", "héllo").with("raw", new byte[] {0, 1, 2})
                .with("list", BdfList.of(1, "two", BdfList.of()))
                .with("dict", new BdfDictionary().with("inner", false));
    }

    @Test
    void aMessageBodyIsTheEncodedListAndReadsBackAsIt() throws Exception {
        BdfList body = BdfList.of("text", 7, new byte[] {9}, BdfList.of(true), new BdfDictionary().with("k", 1));
        Message m = helper.createMessage(group.getId(), 1_700_000_000_000L, body);

        assertThat(m.getBody()).isEqualTo(codec.encode(body));
        assertThat(m.getBody()).isEqualTo(helper.toByteArray(body));
        assertThat(m.getId()).isEqualTo(injector.getInstance(MessageFactory.class)
                .createMessage(group.getId(), 1_700_000_000_000L, codec.encode(body)).getId());
        assertThat(helper.toList(m)).isEqualTo(body);
        assertThat(helper.toList(m.getBody())).isEqualTo(body);
    }

    @Test
    void aBodyOverTheMessageLimitIsRefused() {
        BdfList tooLong = BdfList.of((Object) new byte[Message.MAX_BODY_LENGTH]);
        assertThatThrownBy(() -> helper.createMessage(group.getId(), 0, tooLong))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyOneWholeListIsAList() {
        byte[] list = codec.encode(BdfList.of(1));
        byte[] trailing = Arrays.copyOf(list, list.length + 1);
        assertThatThrownBy(() -> helper.toList(trailing)).isInstanceOf(FormatException.class);
        assertThatThrownBy(() -> helper.toList(codec.encode("not a list"))).isInstanceOf(FormatException.class);
        assertThatThrownBy(() -> helper.toList(new byte[0])).isInstanceOf(FormatException.class);
    }

    @Test
    void metadataHoldsEachValueEncodedAndDecodesBack() throws Exception {
        BdfDictionary dictionary = everyType();
        Metadata metadata = helper.toMetadata(dictionary);

        assertThat(metadata.keys()).containsExactlyInAnyOrderElementsOf(dictionary.keySet());
        for (String key : dictionary.keySet()) assertThat(metadata.get(key)).isEqualTo(codec.encode(dictionary.get(key)));
        assertThat(helper.toDictionary(metadata)).isEqualTo(dictionary);
        assertThat(helper.toDictionary(Metadata.EMPTY)).isEmpty();
    }

    @Test
    void metadataThatIsNotOneBdfValueIsAFormatError() {
        byte[] withTrailingByte = {0x21, 5, 0};
        assertThatThrownBy(() -> helper.toDictionary(Metadata.EMPTY.with("k", withTrailingByte)))
                .isInstanceOf(FormatException.class);
        assertThatThrownBy(() -> helper.toDictionary(Metadata.EMPTY.with("k", new byte[] {(byte) 0xff})))
                .isInstanceOf(FormatException.class);
    }

    @Test
    void aLocalMessageIsStoredDeliveredWithItsMetadataAndAnnouncedOnce() throws Exception {
        Message m = helper.createMessage(group.getId(), 1_700_000_000_000L, BdfList.of("mine"));
        BdfDictionary metadata = everyType();
        db.transaction(false, txn -> helper.addLocalMessage(txn, m, metadata, true, false));

        assertThat(events).containsExactly(new MessageAddedEvent(m, null), new MessageSharedEvent(m.getId()),
                new MessageStateChangedEvent(m.getId(), true, MessageState.DELIVERED));
        MessageState state = read(txn -> db.getMessageState(txn, m.getId()));
        assertThat(state).isEqualTo(MessageState.DELIVERED);
        BdfDictionary stored = read(txn -> helper.getMessageMetadataAsDictionary(txn, m.getId()));
        assertThat(stored).isEqualTo(metadata);

        // Adding it again only merges the metadata, and announces nothing.
        events.clear();
        db.transaction(false, txn -> helper.addLocalMessage(txn, m, new BdfDictionary().with("int", 6), true, false));
        assertThat(events).isEmpty();
        BdfDictionary merged = read(txn -> helper.getMessageMetadataAsDictionary(txn, m.getId()));
        assertThat(merged.getLong("int")).isEqualTo(6);
        assertThat(merged.getString("string")).isEqualTo("héllo");
    }

    @Test
    void aStoredMessageReadsBackAsItsListUntilItsContentIsDeleted() throws Exception {
        BdfList body = BdfList.of("stored", 7, BdfList.of(true));
        Message m = helper.createMessage(group.getId(), 1_700_000_000_000L, body);
        db.transaction(false, txn -> helper.addLocalMessage(txn, m, new BdfDictionary(), false, false));

        BdfList read = read(txn -> helper.getMessageAsList(txn, m.getId()));
        assertThat(read).isEqualTo(body);

        db.transaction(false, txn -> db.deleteMessage(txn, m.getId()));
        assertThatThrownBy(() -> read(txn -> helper.getMessageAsList(txn, m.getId())))
                .isInstanceOf(DbException.class);
    }

    @Test
    void anUnsharedLocalMessageIsNotAnnouncedAsShared() throws Exception {
        Message m = helper.createMessage(group.getId(), 1_700_000_000_000L, BdfList.of("private"));
        db.transaction(false, txn -> helper.addLocalMessage(txn, m, new BdfDictionary(), false, true));
        assertThat(events).containsExactly(new MessageAddedEvent(m, null),
                new MessageStateChangedEvent(m.getId(), true, MessageState.DELIVERED));
    }

    @Test
    void metadataIsMergedAndQueriedThroughTheDatabase() throws Exception {
        Message delivered = helper.createMessage(group.getId(), 1, BdfList.of("delivered"));
        Message pending = helper.createMessage(group.getId(), 2, BdfList.of("pending"));
        db.transaction(false, txn -> {
            helper.addLocalMessage(txn, delivered, new BdfDictionary().with("a", 1).with("b", "x"), false, false);
            db.addMessage(txn, pending, MessageState.PENDING, false, false);
            helper.mergeMessageMetadata(txn, pending.getId(), new BdfDictionary().with("a", 2));
            helper.mergeMessageMetadata(txn, delivered.getId(), new BdfDictionary().with("a", 3));
            helper.mergeGroupMetadata(txn, group.getId(), new BdfDictionary().with("g", true));
            helper.mergeGroupMetadata(txn, group.getId(), new BdfDictionary().with("h", BdfList.of(1)));
        });

        Map<MessageId, BdfDictionary> byGroup = read(txn -> helper.getMessageMetadataAsDictionary(txn, group.getId()));
        assertThat(byGroup).containsOnlyKeys(delivered.getId());
        assertThat(byGroup.get(delivered.getId())).isEqualTo(new BdfDictionary().with("a", 3).with("b", "x"));
        BdfDictionary ofPending = read(txn -> helper.getMessageMetadataAsDictionary(txn, pending.getId()));
        assertThat(ofPending).isEqualTo(new BdfDictionary().with("a", 2));
        BdfDictionary ofGroup = read(txn -> helper.getGroupMetadataAsDictionary(txn, group.getId()));
        assertThat(ofGroup).isEqualTo(new BdfDictionary().with("g", true).with("h", BdfList.of(1)));
    }

    @Test
    void aSignatureCoversTheLabelAndTheEncodedList() throws Exception {
        CryptoComponent crypto = injector.getInstance(CryptoComponent.class);
        KeyPair keys = crypto.generateSignatureKeyPair();
        KeyPair otherKeys = crypto.generateSignatureKeyPair();
        BdfList signed = BdfList.of("text", 42, new byte[] {1, 2});

        byte[] signature = helper.sign(LABEL, signed, keys.privateKey());

        // Ed25519 is deterministic: the helper signs exactly the BDF encoding under the label.
        assertThat(signature).isEqualTo(crypto.sign(LABEL, codec.encode(signed), keys.privateKey()));
        helper.verifySignature(signature, LABEL, signed, keys.publicKey());
        assertThatThrownBy(() -> helper.verifySignature(signature, LABEL + "x", signed, keys.publicKey()))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> helper.verifySignature(signature, LABEL, BdfList.of("text", 43, new byte[] {1, 2}),
                keys.publicKey())).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> helper.verifySignature(signature, LABEL, signed, otherKeys.publicKey()))
                .isInstanceOf(GeneralSecurityException.class);
        byte[] flipped = signature.clone();
        flipped[10] ^= 1;
        assertThatThrownBy(() -> helper.verifySignature(flipped, LABEL, signed, keys.publicKey()))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void anAuthorRoundTripsThroughItsWireForm() throws Exception {
        Author author = author("Ælfrida");
        BdfList list = helper.toList(author);

        assertThat(list).isEqualTo(BdfList.of(1, "Ælfrida", author.publicKey().getEncoded()));
        assertThat(helper.parseAndValidateAuthor(list)).isEqualTo(author);
        assertThat(helper.parseAndValidateAuthor(codec.decodeList(codec.encode(list)))).isEqualTo(author);
    }

    private Author author(String name) {
        CryptoComponent crypto = injector.getInstance(CryptoComponent.class);
        return injector.getInstance(AuthorFactory.class).createAuthor(name,
                crypto.generateSignatureKeyPair().publicKey());
    }

    static List<BdfList> malformedAuthors() {
        byte[] key = new byte[32];
        return List.of(
                BdfList.of(1, "name"),
                BdfList.of(1, "name", key, "extra"),
                BdfList.of(),
                BdfList.of(0, "name", key),
                BdfList.of(2, "name", key),
                BdfList.of(1L << 32, "name", key),
                BdfList.of("1", "name", key),
                BdfList.of(null, "name", key),
                BdfList.of(1, "", key),
                BdfList.of(1, "a".repeat(51), key),
                BdfList.of(1, "€".repeat(17), key), // 17 characters, 51 UTF-8 bytes
                BdfList.of(1, new byte[] {'n'}, key),
                BdfList.of(1, null, key),
                BdfList.of(1, "name", new byte[31]),
                BdfList.of(1, "name", new byte[33]),
                BdfList.of(1, "name", "not a key"),
                BdfList.of(1, "name", null));
    }

    @ParameterizedTest
    @MethodSource("malformedAuthors")
    void aMalformedAuthorIsAFormatError(BdfList malformed) {
        assertThatThrownBy(() -> helper.parseAndValidateAuthor(malformed)).isInstanceOf(FormatException.class);
    }

    @Test
    void theLongestNameIsAccepted() throws Exception {
        Author longest = author("€".repeat(16) + "ab"); // 50 UTF-8 bytes
        assertThat(helper.parseAndValidateAuthor(helper.toList(longest))).isEqualTo(longest);
    }
}
