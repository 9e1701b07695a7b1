package org.thicket.bramble.client.api;

import org.thicket.bramble.identity.api.AuthorId;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Group;

/**
 * The groups clients keep per contact and for themselves. A contact group's descriptor is the BDF list of the two
 * author IDs in ascending unsigned order, so both sides compute the same group ID; a local group's descriptor is
 * empty.
 */
public interface ContactGroupFactory {

    Group createContactGroup(ClientId clientId, int majorVersion, AuthorId local, AuthorId remote);

    Group createLocalGroup(ClientId clientId, int majorVersion);
}
