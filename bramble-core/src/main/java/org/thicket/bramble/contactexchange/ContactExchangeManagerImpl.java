package org.thicket.bramble.contactexchange;

import static org.thicket.bramble.contactexchange.ContactExchangeCrypto.PROTOCOL_VERSION;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.connection.api.ConnectionManager;
import org.thicket.bramble.contact.api.Contact;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.ContactManager;
import org.thicket.bramble.contact.api.PendingContact;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.contactexchange.api.ContactExchangeConfig;
import org.thicket.bramble.contactexchange.api.ContactExchangeManager;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.identity.api.LocalAuthor;
import org.thicket.bramble.plugin.api.ConnectionWatchdog;
import org.thicket.bramble.plugin.api.DuplexTransportConnection;
import org.thicket.bramble.plugin.api.PluginScheduler;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.properties.api.TransportPropertyManager;
import org.thicket.bramble.record.api.Record;
import org.thicket.bramble.record.api.RecordReader;
import org.thicket.bramble.record.api.RecordReaderFactory;
import org.thicket.bramble.record.api.RecordWriter;
import org.thicket.bramble.record.api.RecordWriterFactory;
import org.thicket.bramble.stream.api.StreamReaderFactory;
import org.thicket.bramble.stream.api.StreamWriter;
import org.thicket.bramble.stream.api.StreamWriterFactory;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.util.FormatException;

/**
 * Contact exchange on the caller's thread (specs/contact-exchange.md). Alice sends her CONTACT_INFO first and Bob
 * answers, each in a contact-exchange stream keyed from the master key; both then end their streams and read the
 * other's to its end, so the next bytes on the connection are the first sync stream's.
 */
final class ContactExchangeManagerImpl implements ContactExchangeManager {

    private static final Logger LOG = LoggerFactory.getLogger(ContactExchangeManagerImpl.class);

    static final int RECORD_CONTACT_INFO = 0;
    /** 2021-01-01T00:00:00Z: an agreed timestamp before this comes from a wrong clock. */
    static final long MIN_TIMESTAMP_MS = 1_609_459_200_000L;

    private final ContactExchangeCrypto crypto;
    private final DatabaseComponent db;
    private final IdentityManager identityManager;
    private final ContactManager contactManager;
    private final TransportPropertyManager propertyManager;
    private final ClientHelper clientHelper;
    private final BdfCodec bdf;
    private final StreamReaderFactory streamReaderFactory;
    private final StreamWriterFactory streamWriterFactory;
    private final RecordReaderFactory recordReaderFactory;
    private final RecordWriterFactory recordWriterFactory;
    private final ConnectionManager connectionManager;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final ContactExchangeConfig config;

    @Inject
    ContactExchangeManagerImpl(ContactExchangeCrypto crypto, DatabaseComponent db, IdentityManager identityManager,
            ContactManager contactManager, TransportPropertyManager propertyManager, ClientHelper clientHelper,
            BdfCodec bdf, StreamReaderFactory streamReaderFactory, StreamWriterFactory streamWriterFactory,
            RecordReaderFactory recordReaderFactory, RecordWriterFactory recordWriterFactory,
            ConnectionManager connectionManager, Clock clock, @PluginScheduler ScheduledExecutorService scheduler,
            ContactExchangeConfig config) {
        this.crypto = crypto;
        this.db = db;
        this.identityManager = identityManager;
        this.contactManager = contactManager;
        this.propertyManager = propertyManager;
        this.clientHelper = clientHelper;
        this.bdf = bdf;
        this.streamReaderFactory = streamReaderFactory;
        this.streamWriterFactory = streamWriterFactory;
        this.recordReaderFactory = recordReaderFactory;
        this.recordWriterFactory = recordWriterFactory;
        this.connectionManager = connectionManager;
        this.clock = clock;
        this.scheduler = scheduler;
        this.config = config;
    }

    @Override
    public Contact exchangeContacts(TransportId transportId, DuplexTransportConnection connection,
            SecretKey masterKey, boolean alice, boolean verified) throws IOException, DbException {
        return exchange(null, transportId, connection, masterKey, alice, verified);
    }

    @Override
    public Contact exchangeContacts(PendingContactId pendingContactId, TransportId transportId,
            DuplexTransportConnection connection, SecretKey masterKey, boolean alice, boolean verified)
            throws IOException, DbException {
        return exchange(pendingContactId, transportId, connection, masterKey, alice, verified);
    }

    private Contact exchange(PendingContactId pendingContactId, TransportId transportId,
            DuplexTransportConnection connection, SecretKey masterKey, boolean alice, boolean verified)
            throws IOException, DbException {
        Contact contact;
        try {
            LocalAuthor localAuthor = db.transactionWithResult(true, identityManager::getIdentity).localAuthor();
            ContactInfo theirs = ConnectionWatchdog.within(scheduler, config.timeoutMs(), connection,
                    "Contact exchange", () -> swap(connection, masterKey, alice, localAuthor));
            long timestamp = agreedTimestamp(theirs);
            contact = store(pendingContactId, theirs, localAuthor, masterKey, timestamp, alice, verified);
        } catch (IOException | DbException | RuntimeException e) {
            LOG.info("Contact exchange failed: {}", e.toString());
            closeQuietly(connection);
            throw e;
        } finally {
            masterKey.wipe();
        }
        // The sync stream that follows is tagged with the new rotation keys: Alice writes first, as the one who
        // connects would, and Bob recognises her tag as an incoming stream.
        if (alice) connectionManager.manageOutgoingConnection(contact.id(), transportId, connection);
        else connectionManager.manageIncomingConnection(transportId, connection);
        return contact;
    }

    /** Sends ours and receives theirs, with its signature verified. */
    private ContactInfo swap(DuplexTransportConnection connection, SecretKey masterKey, boolean alice,
            LocalAuthor localAuthor) throws IOException, DbException {
        SecretKey ourHeaderKey = crypto.headerKey(masterKey, alice);
        SecretKey theirHeaderKey = crypto.headerKey(masterKey, !alice);
        try {
            InputStream in = streamReaderFactory.createContactExchangeStreamReader(
                    connection.getReader().getInputStream(), theirHeaderKey);
            StreamWriter out = streamWriterFactory.createContactExchangeStreamWriter(
                    connection.getWriter().getOutputStream(), ourHeaderKey);
            RecordReader reader = recordReaderFactory.createRecordReader(in);
            RecordWriter writer = recordWriterFactory.createRecordWriter(out.getOutputStream());
            ContactInfo ours = ourInfo(localAuthor, crypto.nonce(masterKey, alice));
            ContactInfo theirs;
            if (alice) {
                send(writer, ours);
                theirs = receive(reader);
            } else {
                theirs = receive(reader);
                send(writer, ours);
            }
            out.sendEndOfStream();
            readToEnd(reader);
            verify(theirs, crypto.nonce(masterKey, !alice));
            return theirs;
        } finally {
            ourHeaderKey.wipe();
            theirHeaderKey.wipe();
        }
    }

    private ContactInfo ourInfo(LocalAuthor localAuthor, byte[] nonce) throws DbException {
        Map<TransportId, TransportProperties> properties =
                db.transactionWithResult(true, propertyManager::getLocalProperties);
        try {
            byte[] signature = crypto.sign(nonce, localAuthor.privateKey());
            return new ContactInfo(localAuthor.author(), properties, signature, clock.currentTimeMillis());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Our own author key cannot sign", e);
        }
    }

    private void send(RecordWriter writer, ContactInfo info) throws IOException {
        writer.writeRecord(new Record(PROTOCOL_VERSION, RECORD_CONTACT_INFO, bdf.encode(info.toList(clientHelper))));
        writer.flush();
    }

    private ContactInfo receive(RecordReader reader) throws IOException {
        Record record = reader.readRecord(r -> r.protocolVersion() == PROTOCOL_VERSION
                && r.recordType() == RECORD_CONTACT_INFO, this::isUnknownType);
        if (record == null) throw new FormatException("The stream ended before the contact info");
        return ContactInfo.parse(bdf.decodeList(record.payload()), clientHelper);
    }

    /** Skips records of types we do not know up to the end of the peer's stream; a second CONTACT_INFO is refused. */
    private void readToEnd(RecordReader reader) throws IOException {
        reader.readRecord(r -> false, this::isUnknownType);
    }

    private boolean isUnknownType(Record r) {
        return r.protocolVersion() == PROTOCOL_VERSION && r.recordType() != RECORD_CONTACT_INFO;
    }

    private void verify(ContactInfo theirs, byte[] theirNonce) throws FormatException {
        try {
            if (crypto.verify(theirs.signature(), theirNonce, theirs.author().publicKey())) return;
        } catch (GeneralSecurityException e) {
            throw new FormatException("The contact's signature cannot be checked: " + e.getMessage(), e);
        }
        throw new FormatException("The contact's signature does not verify");
    }

    private long agreedTimestamp(ContactInfo theirs) throws FormatException {
        long timestamp = Math.min(clock.currentTimeMillis(), theirs.timestamp());
        if (timestamp < MIN_TIMESTAMP_MS) {
            throw new FormatException("The agreed timestamp " + timestamp + " is before 2021: a clock is wrong");
        }
        return timestamp;
    }

    private Contact store(PendingContactId pendingContactId, ContactInfo theirs, LocalAuthor localAuthor,
            SecretKey rootKey, long timestamp, boolean alice, boolean verified) throws DbException, FormatException {
        if (theirs.author().id().equals(localAuthor.id())) throw new FormatException("The peer presents our identity");
        return db.transactionWithResult(false, txn -> {
            ContactId c = contactManager.addContact(txn, theirs.author(), localAuthor.id(), rootKey, timestamp,
                    alice, verified, true);
            propertyManager.addRemoteProperties(txn, c, theirs.properties());
            if (pendingContactId != null) adoptPendingContact(txn, pendingContactId, c);
            return contactManager.getContact(txn, c);
        });
    }

    /** The alias the user gave the pending contact names the contact it became; the pending contact goes. */
    private void adoptPendingContact(Transaction txn, PendingContactId pendingContactId, ContactId c)
            throws DbException {
        for (PendingContact p : db.getPendingContacts(txn)) {
            if (p.id().equals(pendingContactId)) contactManager.setContactAlias(txn, c, p.alias());
        }
        db.removePendingContact(txn, pendingContactId);
    }

    private static void closeQuietly(DuplexTransportConnection connection) {
        try {
            connection.close(true);
        } catch (IOException e) {
            LOG.debug("Closing the connection failed", e);
        }
    }
}
