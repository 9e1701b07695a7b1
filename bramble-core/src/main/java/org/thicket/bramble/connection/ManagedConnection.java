package org.thicket.bramble.connection;

import org.thicket.bramble.connection.api.InterruptibleConnection;

/** A connection the manager runs; the manager ends the survivors when the app stops. */
interface ManagedConnection extends InterruptibleConnection {

    /** Releases the transport connection at once, e.g. when it did not end after being interrupted. */
    void abandon();
}
