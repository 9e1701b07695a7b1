package org.thicket.bramble.connection;

import java.io.IOException;
import java.io.InputStream;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.stream.api.StreamContext;
import org.thicket.bramble.stream.api.TagEncoder;
import org.thicket.bramble.transport.api.KeyManager;

/** Recognising an incoming stream by its tag: the one step every incoming stream takes before anything else. */
final class Streams {

    private Streams() {
    }

    /**
     * Reads the 16-byte tag and asks the key manager whose stream it is. The key manager marks the stream number
     * seen, so a replayed stream is not recognised.
     *
     * @return the stream's context, or null if the tag is unknown, replayed or cut short
     */
    static StreamContext recognise(KeyManager keyManager, TransportId transportId, InputStream in)
            throws IOException, DbException {
        byte[] tag = in.readNBytes(TagEncoder.TAG_LENGTH);
        if (tag.length < TagEncoder.TAG_LENGTH) return null;
        return keyManager.getStreamContext(transportId, tag);
    }
}
