package org.thicket.bramble.connection.api;

import java.util.Collection;
import org.thicket.bramble.contact.api.ContactId;
import org.thicket.bramble.contact.api.PendingContactId;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.sync.api.Priority;

/**
 * Every live connection to a contact, by transport and direction, and the rules that close redundant ones
 * (specs/connections.md). Announces a contact's first connection with {@link ContactConnectedEvent} and its last
 * with {@link ContactDisconnectedEvent}, and each connection with {@link ConnectionOpenedEvent} and
 * {@link ConnectionClosedEvent}, in the order the registry changed. Thread-safe.
 */
public interface ConnectionRegistry {

    /**
     * Registers a connection the peer opened, once its stream has been recognised as the contact's.
     *
     * @param duplex whether it carries data both ways; only duplex connections can be redundant
     * @throws IllegalArgumentException if the handle is already registered
     */
    void registerIncomingConnection(ContactId contactId, TransportId transportId, InterruptibleConnection connection,
            boolean duplex);

    /** As {@link #registerIncomingConnection}, for a connection we opened. */
    void registerOutgoingConnection(ContactId contactId, TransportId transportId, InterruptibleConnection connection,
            boolean duplex);

    /**
     * Records a duplex connection's priority: the nonce we sent on an outgoing connection, or the nonce the peer
     * sent on an incoming one. The connection with the lower priority of two over the same transport is interrupted.
     *
     * @throws IllegalArgumentException if the connection is not registered, or is simplex
     * @throws IllegalStateException if its priority is already set
     */
    void setPriority(ContactId contactId, TransportId transportId, InterruptibleConnection connection,
            Priority priority);

    /**
     * Forgets a closed connection.
     *
     * @param exception whether it closed because of an error
     * @throws IllegalArgumentException if it is not registered for this contact and transport
     */
    void unregisterConnection(ContactId contactId, TransportId transportId, InterruptibleConnection connection,
            boolean exception);

    boolean isConnected(ContactId contactId);

    boolean isConnected(ContactId contactId, TransportId transportId);

    /** Contacts with a live connection over the transport. */
    Collection<ContactId> getConnectedContacts(TransportId transportId);

    /**
     * Contacts with a live connection over the transport or over one preferred to it: the contacts a poll of this
     * transport may skip.
     */
    Collection<ContactId> getConnectedOrPreferredContacts(TransportId transportId);

    /**
     * Registers a handshake connection with a pending contact (BRP), kept apart from contact connections.
     *
     * @return false if the pending contact already has one, which the caller should then close
     */
    boolean registerPendingConnection(PendingContactId pendingContactId);

    /** @throws IllegalArgumentException if the pending contact has no registered connection */
    void unregisterPendingConnection(PendingContactId pendingContactId);

    boolean isConnected(PendingContactId pendingContactId);
}
