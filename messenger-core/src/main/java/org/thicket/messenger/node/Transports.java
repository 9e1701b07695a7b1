package org.thicket.messenger.node;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import org.thicket.bramble.plugin.lan.LanModule;
import org.thicket.bramble.plugin.tor.TorModule;

/** The transports a node runs, chosen where the app is put together; tests and demos pick a safe subset. */
public enum Transports {

    /** None: for tests that move bytes by hand or with in-memory connections. */
    NONE,
    /** LAN on the loopback interface only: for tests and demos of two nodes on one machine. */
    LOOPBACK,
    /** Every transport (LAN, Tor) on the device's real interfaces: what a user runs. */
    REAL,
    /** Tor only: for users who want nothing on the LAN, and for tests on a private Tor network. */
    TOR;

    Module module() {
        return switch (this) {
            case NONE -> Modules.EMPTY_MODULE;
            case LOOPBACK -> LanModule.loopbackOnly();
            case REAL -> Modules.combine(new LanModule(), new TorModule());
            case TOR -> new TorModule();
        };
    }
}
