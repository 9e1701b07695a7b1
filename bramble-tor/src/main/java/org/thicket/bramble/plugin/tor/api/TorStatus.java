package org.thicket.bramble.plugin.tor.api;

/**
 * What our tor is doing, for a status display: whether the network is switched on, how far bootstrapping got (0 to
 * 100) and whether tor has a working circuit.
 */
public record TorStatus(boolean networkEnabled, int bootstrapPercent, boolean circuitEstablished) {

    public static final TorStatus STOPPED = new TorStatus(false, 0, false);

    public TorStatus {
        if (bootstrapPercent < 0 || bootstrapPercent > 100) {
            throw new IllegalArgumentException("Bootstrap percentage out of range: " + bootstrapPercent);
        }
    }

    /** Bootstrapped and able to build circuits: onion connections can be made and taken. */
    public boolean isConnected() {
        return networkEnabled && bootstrapPercent == 100 && circuitEstablished;
    }

    public TorStatus withNetworkEnabled(boolean enabled) {
        return new TorStatus(enabled, bootstrapPercent, circuitEstablished);
    }

    public TorStatus withBootstrapPercent(int percent) {
        return new TorStatus(networkEnabled, percent, circuitEstablished);
    }

    public TorStatus withCircuitEstablished(boolean established) {
        return new TorStatus(networkEnabled, bootstrapPercent, established);
    }
}
