package org.thicket.bramble.plugin.api;

import java.util.Map;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.db.api.DbException;

/**
 * Where transport properties live: ours, which we publish, and each contact's. The transport-properties client
 * ({@code org.briarproject.bramble.properties}, bound by {@code PropertiesModule}) implements this and syncs our
 * properties to contacts. Each method runs its own transaction, so it must not be called while holding one.
 */
public interface TransportPropertyStore {

    TransportProperties getLocalProperties(TransportId transportId) throws DbException;

    /**
     * Stores every entry of {@code update} in our properties for the transport, keeping other keys.
     *
     * @throws IllegalArgumentException if the merged properties would exceed {@link TransportProperties}' limits
     */
    void mergeLocalProperties(TransportId transportId, TransportProperties update) throws DbException;

    /** Every contact's properties for the transport, for contacts that have published any. */
    Map<ContactId, TransportProperties> getRemoteProperties(TransportId transportId) throws DbException;

    /** One contact's properties for the transport; empty if it has published none. */
    TransportProperties getRemoteProperties(ContactId contactId, TransportId transportId) throws DbException;
}
