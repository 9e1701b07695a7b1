package org.thicket.bramble.versioning;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.util.FormatException;
import org.thicket.bramble.validation.api.ClientMajorVersion;

/**
 * The body of a versioning message, {@code [[clientId, major, minor, active]..., updateVersion]}: the clients the
 * sender runs and the number of this update among the sender's updates to one contact (specs/clients/versioning.md).
 */
record Update(List<ClientState> states, long updateVersion) {

    /**
     * The most client states one update may list: far more than any app runs (Briar runs about a dozen clients), and
     * fewer than fit in one message (about 3,000), so a peer cannot make us keep an arbitrarily long list.
     */
    static final int MAX_CLIENT_STATES = 1000;

    private static final int UPDATE_FIELDS = 2;
    private static final int STATE_FIELDS = 4;

    Update {
        states = List.copyOf(states);
        if (updateVersion < 0) throw new IllegalArgumentException("Update versions are not negative");
    }

    BdfList toList() {
        BdfList list = new BdfList();
        for (ClientState s : states) {
            list.add(BdfList.of(s.client().clientId().value(), s.client().majorVersion(), s.minorVersion(),
                    s.active()));
        }
        return BdfList.of(list, updateVersion);
    }

    /** Applies the format rules of specs/clients/versioning.md section 4, in their order. */
    static Update parse(BdfList body) throws FormatException {
        if (body.size() != UPDATE_FIELDS) {
            throw new FormatException("An update has " + UPDATE_FIELDS + " elements, not " + body.size());
        }
        BdfList list = body.getList(0);
        if (list.size() > MAX_CLIENT_STATES) {
            throw new FormatException("An update lists at most " + MAX_CLIENT_STATES + " clients, not " + list.size());
        }
        List<ClientState> states = new ArrayList<>(list.size());
        Set<ClientMajorVersion> listed = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            ClientState state = parseState(list.getList(i));
            if (!listed.add(state.client())) {
                throw new FormatException("Client " + state.client().clientId().value() + " major version "
                        + state.client().majorVersion() + " is listed twice");
            }
            states.add(state);
        }
        long updateVersion = body.getLong(1);
        if (updateVersion < 0) throw new FormatException("Negative update version " + updateVersion);
        return new Update(states, updateVersion);
    }

    private static ClientState parseState(BdfList state) throws FormatException {
        if (state.size() != STATE_FIELDS) {
            throw new FormatException("A client state has " + STATE_FIELDS + " elements, not " + state.size());
        }
        String clientId = state.getString(0, ClientId.MAX_BYTES);
        if (clientId.isEmpty()) throw new FormatException("Empty client ID");
        int major = state.getInt(1);
        if (major < 0) throw new FormatException("Negative major version " + major);
        int minor = state.getInt(2);
        if (minor < 0) throw new FormatException("Negative minor version " + minor);
        boolean active = state.getBoolean(3);
        return new ClientState(new ClientMajorVersion(new ClientId(clientId), major), minor, active);
    }
}
