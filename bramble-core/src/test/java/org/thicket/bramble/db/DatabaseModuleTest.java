package org.thicket.bramble.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DatabaseConfig;
import org.thicket.bramble.db.api.DatabaseLifecycle;
import org.thicket.bramble.db.api.MigrationListener;
import org.thicket.bramble.db.api.TransactionManager;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.test.CapturingEventBus;

class DatabaseModuleTest {

    @TempDir
    Path dir;

    @Test
    void bindsOneDatabaseForBothInterfaces() throws Exception {
        Injector injector = Guice.createInjector(new DatabaseModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(DatabaseConfig.class).toInstance(() -> dir);
                bind(EventBus.class).toInstance(new CapturingEventBus());
                bind(Clock.class).toInstance(System::currentTimeMillis);
            }
        });
        DatabaseComponent db = injector.getInstance(DatabaseComponent.class);
        assertThat(injector.getInstance(TransactionManager.class)).isSameAs(db);
        assertThat(injector.getInstance(DatabaseLifecycle.class)).isSameAs(db);
        assertThat(injector.getInstance(DatabaseComponent.class)).isSameAs(db);
        assertThat(db.open(TestData.randomKey(), MigrationListener.NONE)).isTrue();
        db.close();
    }
}
