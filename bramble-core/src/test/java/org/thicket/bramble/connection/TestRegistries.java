package org.thicket.bramble.connection;

import java.util.Set;
import org.thicket.bramble.connection.api.ConnectionRegistry;
import org.thicket.bramble.connection.api.TransportPreference;
import org.thicket.bramble.event.api.EventBus;

/** The real registry on its own, for tests of other packages that need one without a whole connection manager. */
public final class TestRegistries {

    private TestRegistries() {
    }

    public static ConnectionRegistry create(EventBus eventBus, TransportPreference... preferences) {
        return new ConnectionRegistryImpl(eventBus, Set.of(preferences));
    }
}
