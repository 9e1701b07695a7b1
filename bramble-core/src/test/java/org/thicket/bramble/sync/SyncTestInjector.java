package org.thicket.bramble.sync;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import org.thicket.bramble.crypto.CryptoModule;
import org.thicket.bramble.db.DatabaseModule;
import org.thicket.bramble.db.api.DatabaseConfig;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.record.RecordModule;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.test.SettableClock;
import org.thicket.bramble.test.CapturingEventBus;

/**
 * The real crypto, record layer and sync bindings, as the app wires them. The sessions' database is bound but never
 * opened: tests of IDs and records do not touch it.
 */
final class SyncTestInjector {

    private SyncTestInjector() {
    }

    static Injector create() {
        return Guice.createInjector(new CryptoModule(), new RecordModule(), new SyncModule(), new DatabaseModule(),
                binder -> {
                    binder.bind(DatabaseConfig.class).toInstance(() -> Path.of("unused"));
                    binder.bind(EventBus.class).toInstance(new CapturingEventBus());
                    binder.bind(Clock.class).toInstance(new SettableClock());
                });
    }
}
