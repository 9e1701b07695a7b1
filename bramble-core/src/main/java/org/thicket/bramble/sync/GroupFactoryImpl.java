package org.thicket.bramble.sync;

import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupFactory;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.SyncConstants;
import org.thicket.bramble.util.Bytes;

final class GroupFactoryImpl implements GroupFactory {

    private static final byte[] FORMAT_VERSION = {SyncConstants.GROUP_FORMAT_VERSION};

    private final CryptoComponent crypto;

    @Inject
    GroupFactoryImpl(CryptoComponent crypto) {
        this.crypto = crypto;
    }

    @Override
    public Group createGroup(ClientId clientId, int majorVersion, byte[] descriptor) {
        // uint32 rejects a negative major version; Group rejects an over-long descriptor.
        byte[] id = crypto.hash(GroupId.LABEL, FORMAT_VERSION, clientId.value().getBytes(StandardCharsets.UTF_8),
                Bytes.uint32(majorVersion), descriptor);
        return new Group(new GroupId(id), clientId, majorVersion, descriptor);
    }
}
