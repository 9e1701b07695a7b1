package org.thicket.bramble.client;

import jakarta.inject.Inject;
import org.thicket.bramble.client.api.ContactGroupFactory;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.identity.api.AuthorId;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupFactory;
import org.thicket.bramble.util.BoundedCache;

final class ContactGroupFactoryImpl implements ContactGroupFactory {

    private static final byte[] LOCAL_DESCRIPTOR = new byte[0];
    /** Contact groups remembered: clients derive them for every message they send, and each is two hashes. */
    static final int REMEMBERED_GROUPS = 1024;

    /** What a contact group is derived from, in descriptor order. */
    private record ContactGroupKey(ClientId clientId, int majorVersion, AuthorId smaller, AuthorId larger) {
    }

    private final GroupFactory groupFactory;
    private final BdfCodec codec;
    private final BoundedCache<ContactGroupKey, Group> contactGroups = new BoundedCache<>(REMEMBERED_GROUPS);

    @Inject
    ContactGroupFactoryImpl(GroupFactory groupFactory, BdfCodec codec) {
        this.groupFactory = groupFactory;
        this.codec = codec;
    }

    /** @throws IllegalArgumentException if both IDs are the same: one cannot be one's own contact */
    @Override
    public Group createContactGroup(ClientId clientId, int majorVersion, AuthorId local, AuthorId remote) {
        int order = local.compareTo(remote); // unsigned, byte by byte
        if (order == 0) throw new IllegalArgumentException("A contact group needs two different authors");
        AuthorId smaller = order < 0 ? local : remote;
        AuthorId larger = order < 0 ? remote : local;
        ContactGroupKey key = new ContactGroupKey(clientId, majorVersion, smaller, larger);
        Group group = contactGroups.get(key);
        if (group != null) return group;
        byte[] descriptor = codec.encode(BdfList.of(smaller.getBytes(), larger.getBytes()));
        group = groupFactory.createGroup(clientId, majorVersion, descriptor);
        contactGroups.put(key, group);
        return group;
    }

    @Override
    public Group createLocalGroup(ClientId clientId, int majorVersion) {
        return groupFactory.createGroup(clientId, majorVersion, LOCAL_DESCRIPTOR);
    }
}
