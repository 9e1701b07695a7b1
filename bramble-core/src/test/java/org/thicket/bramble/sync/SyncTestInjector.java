package org.thicket.bramble.sync;

import com.google.inject.Guice;
import com.google.inject.Injector;
import org.thicket.bramble.crypto.CryptoModule;
import org.thicket.bramble.record.RecordModule;

/** The real crypto, record layer and sync bindings, as the app wires them. */
final class SyncTestInjector {

    private SyncTestInjector() {
    }

    static Injector create() {
        return Guice.createInjector(new CryptoModule(), new RecordModule(), new SyncModule());
    }
}
