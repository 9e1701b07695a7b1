package org.thicket.bramble.client;

import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PrivateKey;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.AuthorFactory;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageFactory;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.MessageState;
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.validation.api.MessageStateChangedEvent;

final class ClientHelperImpl implements ClientHelper {

    private static final int AUTHOR_FIELDS = 3;

    private final BdfCodec codec;
    private final MessageFactory messageFactory;
    private final DatabaseComponent db;
    private final CryptoComponent crypto;
    private final AuthorFactory authorFactory;

    @Inject
    ClientHelperImpl(BdfCodec codec, MessageFactory messageFactory, DatabaseComponent db, CryptoComponent crypto,
            AuthorFactory authorFactory) {
        this.codec = codec;
        this.messageFactory = messageFactory;
        this.db = db;
        this.crypto = crypto;
        this.authorFactory = authorFactory;
    }

    @Override
    public Message createMessage(GroupId groupId, long timestamp, BdfList body) {
        return messageFactory.createMessage(groupId, timestamp, codec.encode(body));
    }

    @Override
    public BdfList toList(Message message) throws FormatException {
        return codec.decodeList(message.getBody());
    }

    @Override
    public BdfList toList(byte[] encoded) throws FormatException {
        return codec.decodeList(encoded);
    }

    @Override
    public BdfList getMessageAsList(Transaction txn, MessageId messageId) throws DbException, FormatException {
        byte[] raw = db.getMessage(txn, messageId);
        if (raw == null) throw new DbException("Message " + messageId + " has no content");
        return codec.decodeList(Arrays.copyOfRange(raw, Message.HEADER_LENGTH, raw.length));
    }

    @Override
    public byte[] toByteArray(BdfList list) {
        return codec.encode(list);
    }

    @Override
    public Metadata toMetadata(BdfDictionary dictionary) {
        Map<String, byte[]> entries = new HashMap<>();
        dictionary.forEach((key, value) -> entries.put(key, codec.encode(value)));
        return new Metadata(entries);
    }

    @Override
    public BdfDictionary toDictionary(Metadata metadata) throws FormatException {
        BdfDictionary dictionary = new BdfDictionary();
        for (String key : metadata.keys()) dictionary.put(key, codec.decode(metadata.get(key)));
        return dictionary;
    }

    /** A message that is already stored keeps its state; only the metadata is merged into what it has. */
    @Override
    public void addLocalMessage(Transaction txn, Message message, BdfDictionary metadata, boolean shared,
            boolean temporary) throws DbException {
        // addMessage announces the message itself (MessageAddedEvent, and MessageSharedEvent if shared).
        boolean added = db.addMessage(txn, message, MessageState.DELIVERED, toMetadata(metadata), shared, temporary);
        if (added) txn.attach(new MessageStateChangedEvent(message.getId(), true, MessageState.DELIVERED));
    }

    @Override
    public BdfDictionary getMessageMetadataAsDictionary(Transaction txn, MessageId messageId)
            throws DbException, FormatException {
        return toDictionary(db.getMessageMetadata(txn, messageId));
    }

    @Override
    public Map<MessageId, BdfDictionary> getMessageMetadataAsDictionary(Transaction txn, GroupId groupId)
            throws DbException, FormatException {
        Map<MessageId, BdfDictionary> dictionaries = new HashMap<>();
        for (Map.Entry<MessageId, Metadata> e : db.getMessageMetadata(txn, groupId).entrySet()) {
            dictionaries.put(e.getKey(), toDictionary(e.getValue()));
        }
        return dictionaries;
    }

    @Override
    public void mergeMessageMetadata(Transaction txn, MessageId messageId, BdfDictionary metadata)
            throws DbException {
        db.mergeMessageMetadata(txn, messageId, toMetadata(metadata));
    }

    @Override
    public BdfDictionary getGroupMetadataAsDictionary(Transaction txn, GroupId groupId)
            throws DbException, FormatException {
        return toDictionary(db.getGroupMetadata(txn, groupId));
    }

    @Override
    public void mergeGroupMetadata(Transaction txn, GroupId groupId, BdfDictionary metadata) throws DbException {
        db.mergeGroupMetadata(txn, groupId, toMetadata(metadata));
    }

    @Override
    public void setContactId(Transaction txn, GroupId groupId, ContactId contactId) throws DbException {
        mergeGroupMetadata(txn, groupId, new BdfDictionary().with(GROUP_KEY_CONTACT_ID, contactId.value()));
    }

    @Override
    public ContactId getContactId(Transaction txn, GroupId groupId) throws DbException {
        try {
            return new ContactId(getGroupMetadataAsDictionary(txn, groupId).getInt(GROUP_KEY_CONTACT_ID));
        } catch (FormatException | IllegalArgumentException e) {
            throw new DbException("Contact group " + groupId + " names no contact", e);
        }
    }

    @Override
    public byte[] sign(String label, BdfList toSign, PrivateKey privateKey) throws GeneralSecurityException {
        return crypto.sign(label, toByteArray(toSign), privateKey);
    }

    @Override
    public void verifySignature(byte[] signature, String label, BdfList signed, PublicKey publicKey)
            throws GeneralSecurityException {
        if (!crypto.verifySignature(signature, label, toByteArray(signed), publicKey)) {
            throw new GeneralSecurityException("The signature does not verify");
        }
    }

    @Override
    public BdfList toList(Author author) {
        return BdfList.of(author.formatVersion(), author.name(), author.publicKey().getEncoded());
    }

    @Override
    public Author parseAndValidateAuthor(BdfList author) throws FormatException {
        if (author.size() != AUTHOR_FIELDS) {
            throw new FormatException("An author is a list of " + AUTHOR_FIELDS + " elements, not " + author.size());
        }
        int formatVersion = author.getInt(0);
        if (formatVersion != Author.FORMAT_VERSION) throw new FormatException("Unknown author format " + formatVersion);
        String name = author.getString(1, Author.MAX_NAME_BYTES);
        if (name.isEmpty()) throw new FormatException("An author's name is empty");
        byte[] publicKey = author.getRawOfLength(2, PublicKey.LENGTH);
        return authorFactory.createAuthor(name, new PublicKey(KeyType.SIGNATURE, publicKey));
    }
}
