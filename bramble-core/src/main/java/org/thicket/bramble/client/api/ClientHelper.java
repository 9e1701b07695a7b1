package org.thicket.bramble.client.api;

import java.security.GeneralSecurityException;
import java.util.Map;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.crypto.api.PrivateKey;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.sync.api.Metadata;
import org.thicket.bramble.util.FormatException;

/**
 * What every client does with BDF and the database: message bodies as BDF lists, metadata as BDF dictionaries,
 * signatures over BDF lists, and authors in their wire form {@code [formatVersion, name, publicKey]}.
 */
public interface ClientHelper {

    /** The key of a contact group's metadata that names its contact. */
    String GROUP_KEY_CONTACT_ID = "contactId";

    /** @throws IllegalArgumentException if the encoded body is empty or over the message size limit */
    Message createMessage(GroupId groupId, long timestamp, BdfList body);

    /** The whole body as one canonical BDF list; trailing bytes are a format error. */
    BdfList toList(Message message) throws FormatException;

    BdfList toList(byte[] encoded) throws FormatException;

    /**
     * The body of a stored message as one canonical BDF list.
     *
     * @throws DbException if the message is not stored or its content was deleted
     * @throws FormatException if the body is not one BDF list
     */
    BdfList getMessageAsList(Transaction txn, MessageId messageId) throws DbException, FormatException;

    byte[] toByteArray(BdfList list);

    /** Each value BDF-encoded under its key. */
    Metadata toMetadata(BdfDictionary dictionary);

    BdfDictionary toDictionary(Metadata metadata) throws FormatException;

    /** Stores our own message as delivered, with its metadata, and announces it after commit. */
    void addLocalMessage(Transaction txn, Message message, BdfDictionary metadata, boolean shared,
            boolean temporary) throws DbException;

    BdfDictionary getMessageMetadataAsDictionary(Transaction txn, MessageId messageId)
            throws DbException, FormatException;

    /** The metadata of every delivered message in the group. */
    Map<MessageId, BdfDictionary> getMessageMetadataAsDictionary(Transaction txn, GroupId groupId)
            throws DbException, FormatException;

    void mergeMessageMetadata(Transaction txn, MessageId messageId, BdfDictionary metadata) throws DbException;

    BdfDictionary getGroupMetadataAsDictionary(Transaction txn, GroupId groupId) throws DbException, FormatException;

    void mergeGroupMetadata(Transaction txn, GroupId groupId, BdfDictionary metadata) throws DbException;

    /** Records in a contact group's metadata the contact it belongs to, under {@link #GROUP_KEY_CONTACT_ID}. */
    void setContactId(Transaction txn, GroupId groupId, ContactId contactId) throws DbException;

    /**
     * The contact a contact group belongs to, as {@link #setContactId} recorded it.
     *
     * @throws DbException if the group's metadata names no contact
     */
    ContactId getContactId(Transaction txn, GroupId groupId) throws DbException;

    byte[] sign(String label, BdfList toSign, PrivateKey privateKey) throws GeneralSecurityException;

    /** @throws GeneralSecurityException if the signature does not verify */
    void verifySignature(byte[] signature, String label, BdfList signed, PublicKey publicKey)
            throws GeneralSecurityException;

    BdfList toList(Author author);

    /** Parses {@code [formatVersion, name, publicKey]} and derives the author ID. */
    Author parseAndValidateAuthor(BdfList author) throws FormatException;
}
