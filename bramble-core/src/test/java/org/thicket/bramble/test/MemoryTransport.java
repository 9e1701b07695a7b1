package org.thicket.bramble.test;

import com.google.inject.Module;
import com.google.inject.multibindings.Multibinder;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.transport.api.TransportDescriptor;

/**
 * A transport for tests that move streams by hand ({@link MemoryConnection}, {@link SimplexStream}): nodes that
 * install {@link #module()} keep transport keys for it. Its latency is short, so a message sent but never received
 * is due again within seconds.
 */
public final class MemoryTransport {

    public static final TransportId ID = new TransportId("org.thicket.test.memory");
    public static final long MAX_LATENCY_MS = 1_000;
    public static final long MAX_IDLE_TIME_MS = 500;
    public static final TransportDescriptor DESCRIPTOR = new TransportDescriptor(ID, MAX_LATENCY_MS);

    private MemoryTransport() {
    }

    public static Module module() {
        return binder -> Multibinder.newSetBinder(binder, TransportDescriptor.class).addBinding()
                .toInstance(DESCRIPTOR);
    }

    public static MemoryConnection[] duplexPair() {
        return MemoryConnection.pair(MAX_LATENCY_MS, MAX_IDLE_TIME_MS);
    }
}
