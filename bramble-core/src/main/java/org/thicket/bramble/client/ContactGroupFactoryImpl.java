package org.thicket.bramble.client;

import jakarta.inject.Inject;
import org.thicket.bramble.client.api.ContactGroupFactory;
import org.thicket.bramble.data.api.BdfCodec;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.identity.api.AuthorId;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupFactory;

final class ContactGroupFactoryImpl implements ContactGroupFactory {

    private static final byte[] LOCAL_DESCRIPTOR = new byte[0];

    private final GroupFactory groupFactory;
    private final BdfCodec codec;

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
        byte[] descriptor = codec.encode(BdfList.of(smaller.getBytes(), larger.getBytes()));
        return groupFactory.createGroup(clientId, majorVersion, descriptor);
    }

    @Override
    public Group createLocalGroup(ClientId clientId, int majorVersion) {
        return groupFactory.createGroup(clientId, majorVersion, LOCAL_DESCRIPTOR);
    }
}
