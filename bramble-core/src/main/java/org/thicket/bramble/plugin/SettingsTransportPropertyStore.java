package org.thicket.bramble.plugin;

import java.util.Map;
import jakarta.inject.Inject;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.plugin.api.TransportPropertyStore;
import org.thicket.bramble.settings.api.Settings;

/**
 * Transport properties until the transport-properties client lands: our own are kept in the settings namespace
 * {@code <transport ID>:local}, and no contact has any, because nothing receives contacts' properties yet. The client
 * will replace this binding, taking over the local properties and syncing them to contacts.
 */
final class SettingsTransportPropertyStore implements TransportPropertyStore {

    static final String LOCAL_NAMESPACE_SUFFIX = ":local";

    private final DatabaseComponent db;

    @Inject
    SettingsTransportPropertyStore(DatabaseComponent db) {
        this.db = db;
    }

    static String localNamespace(TransportId transportId) {
        return transportId.value() + LOCAL_NAMESPACE_SUFFIX;
    }

    @Override
    public TransportProperties getLocalProperties(TransportId transportId) throws DbException {
        Settings stored = db.transactionWithResult(true, txn -> db.getSettings(txn, localNamespace(transportId)));
        return new TransportProperties(stored.values());
    }

    @Override
    public void mergeLocalProperties(TransportId transportId, TransportProperties update) throws DbException {
        String namespace = localNamespace(transportId);
        db.transaction(false, txn -> {
            // Merging checks the limits, so properties over them are refused before anything is written.
            new TransportProperties(db.getSettings(txn, namespace).values()).merge(update);
            db.mergeSettings(txn, new Settings(update.values()), namespace);
        });
    }

    @Override
    public Map<ContactId, TransportProperties> getRemoteProperties(TransportId transportId) {
        return Map.of();
    }

    @Override
    public TransportProperties getRemoteProperties(ContactId contactId, TransportId transportId) {
        return TransportProperties.EMPTY;
    }
}
