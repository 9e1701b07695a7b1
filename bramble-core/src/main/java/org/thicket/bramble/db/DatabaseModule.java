package org.thicket.bramble.db;

import com.google.inject.AbstractModule;
import jakarta.inject.Singleton;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DatabaseLifecycle;
import org.thicket.bramble.db.api.GroupCommit;
import org.thicket.bramble.db.api.TransactionManager;

/** Binds the encrypted database. The app binds {@link org.thicket.bramble.db.api.DatabaseConfig} and the event bus. */
public final class DatabaseModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(DatabaseComponentImpl.class).in(Singleton.class);
        bind(DatabaseComponent.class).to(DatabaseComponentImpl.class);
        bind(DatabaseLifecycle.class).to(DatabaseComponentImpl.class);
        bind(TransactionManager.class).to(DatabaseComponentImpl.class);
        bind(GroupCommit.class).to(GroupCommitImpl.class).in(Singleton.class);
    }
}
