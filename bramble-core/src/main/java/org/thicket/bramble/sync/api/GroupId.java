package org.thicket.bramble.sync.api;

import org.thicket.bramble.util.UniqueId;

/** H("org.briarproject.bramble/GROUP_ID", [0x01], utf8(clientId), uint32 majorVersion, descriptor). */
public final class GroupId extends UniqueId {

    public static final String LABEL = "org.briarproject.bramble/GROUP_ID";

    public GroupId(byte[] id) {
        super(id);
    }
}
