package org.thicket.bramble.test;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import org.thicket.bramble.contact.ContactModule;
import org.thicket.bramble.crypto.CryptoModule;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.DatabaseModule;
import org.thicket.bramble.db.api.DatabaseComponent;
import org.thicket.bramble.db.api.DatabaseConfig;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.MigrationListener;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.identity.IdentityModule;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.lifecycle.api.Service;
import org.thicket.bramble.lifecycle.api.ServiceException;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.stream.api.TagEncoder;
import org.thicket.bramble.system.api.Clock;
import org.thicket.bramble.transport.TransportModule;
import org.thicket.bramble.transport.api.RotationScheduler;
import org.thicket.bramble.transport.api.TransportDescriptor;

/**
 * One peer's core for tests: a real encrypted database in a directory, real crypto, identities, the key manager
 * and the contact manager, on a settable clock, with Tor- and LAN-like transports (30 s latency). Services are
 * started by {@link #startServices()}; {@link #close()} stops them, closes the database and stops the scheduler.
 */
public final class TestNode implements AutoCloseable {

    public static final TransportDescriptor TOR =
            new TransportDescriptor(new TransportId("org.briarproject.bramble.tor"), 30_000);
    public static final TransportDescriptor LAN =
            new TransportDescriptor(new TransportId("org.briarproject.bramble.lan"), 30_000);

    private final Path directory;
    private final SecretKey databaseKey;
    private final SettableClock clock;
    private final CapturingEventBus events = new CapturingEventBus();
    private final Module[] extraModules;
    private final Injector injector;
    private List<Service> started = List.of();

    private TestNode(Path directory, SecretKey databaseKey, SettableClock clock, Module... extraModules) {
        this.directory = directory;
        this.databaseKey = databaseKey;
        this.clock = clock;
        this.extraModules = extraModules;
        List<Module> modules = new ArrayList<>(List.of(new CryptoModule(), new DatabaseModule(),
                new IdentityModule(), new TransportModule(), new ContactModule(), testBindings()));
        modules.addAll(List.of(extraModules));
        injector = Guice.createInjector(modules);
    }

    /**
     * Opens (creating if needed) the database in {@code directory}; the services are not started.
     *
     * @param extraModules more bindings, e.g. contributions to multibound sets
     */
    public static TestNode open(Path directory, SecretKey databaseKey, SettableClock clock, Module... extraModules)
            throws DbException {
        TestNode node = new TestNode(directory, databaseKey, clock, extraModules);
        node.db().open(databaseKey, MigrationListener.NONE);
        return node;
    }

    public static SecretKey randomKey() {
        byte[] key = new byte[SecretKey.LENGTH];
        new SecureRandom().nextBytes(key);
        return new SecretKey(key);
    }

    private Module testBindings() {
        return binder -> {
            binder.bind(DatabaseConfig.class).toInstance(() -> directory);
            binder.bind(EventBus.class).toInstance(events);
            binder.bind(Clock.class).toInstance(clock);
            binder.bind(TagEncoder.class).to(TestTagEncoder.class);
            Multibinder<TransportDescriptor> transports =
                    Multibinder.newSetBinder(binder, TransportDescriptor.class);
            transports.addBinding().toInstance(TOR);
            transports.addBinding().toInstance(LAN);
        };
    }

    /** The same database opened afresh, as after a restart: new objects, nothing kept in memory. */
    public TestNode reopen() throws DbException {
        close();
        return open(directory, databaseKey, clock, extraModules);
    }

    public void startServices() throws ServiceException {
        started = List.copyOf(injector.getInstance(Key.get(new TypeLiteral<Set<Service>>() { })));
        for (Service s : started) s.startService();
    }

    /** Creates and stores a new identity. */
    public Identity addIdentity(String name) throws DbException {
        Identity identity = get(IdentityManager.class).createIdentity(name);
        db().transaction(false, txn -> db().addIdentity(txn, identity));
        return identity;
    }

    public <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }

    public DatabaseComponent db() {
        return injector.getInstance(DatabaseComponent.class);
    }

    public SettableClock clock() {
        return clock;
    }

    public CapturingEventBus events() {
        return events;
    }

    @Override
    public void close() throws DbException {
        try {
            for (int i = started.size() - 1; i >= 0; i--) started.get(i).stopService();
        } catch (ServiceException e) {
            throw new IllegalStateException(e);
        } finally {
            injector.getInstance(Key.get(ScheduledExecutorService.class, RotationScheduler.class)).shutdownNow();
            db().close();
        }
    }
}
