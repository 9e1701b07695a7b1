package org.thicket.messenger.node;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.thicket.bramble.account.api.AccountManager;
import org.thicket.bramble.account.api.WrongPasswordException;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.TransactionManager;
import org.thicket.bramble.event.api.EventExecutor;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.lifecycle.api.LifecycleManager;
import org.thicket.bramble.lifecycle.api.StartResult;
import org.thicket.messenger.MessengerCoreModule;

/**
 * One account's running messenger: the object graph for a data directory and its lifecycle. A node starts at most
 * once (the lifecycle is one-shot); after {@link #stop()} a front end makes a new node for the next sign-in.
 * Shared by the desktop app and the headless node so both create, unlock and start an account the same way.
 */
public final class MessengerNode {

    private final Injector injector;
    private final AccountManager accounts;
    private final LifecycleManager lifecycle;

    private MessengerNode(Injector injector) {
        this.injector = injector;
        this.accounts = injector.getInstance(AccountManager.class);
        this.lifecycle = injector.getInstance(LifecycleManager.class);
    }

    /**
     * A node without transports, for tests that connect nodes themselves.
     *
     * @param overrides bindings that replace the defaults, e.g. the event executor of a UI toolkit
     */
    public static MessengerNode create(Path dataDirectory, Module... overrides) {
        return create(dataDirectory, Transports.NONE, overrides);
    }

    /** @param overrides bindings that replace the defaults, e.g. the event executor of a UI toolkit */
    public static MessengerNode create(Path dataDirectory, Transports transports, Module... overrides) {
        Module core = Modules.combine(new MessengerCoreModule(dataDirectory), transports.module());
        return new MessengerNode(Guice.createInjector(Modules.override(core).with(overrides)));
    }

    public boolean accountExists() {
        return accounts.accountExists();
    }

    /**
     * Creates the account and starts it. If the first start fails, the account is deleted again: its identity is
     * stored only when the database first opens, so an account that never started could never be signed in to, and
     * the user must be able to fix the cause (e.g. the clock) and create it again. The password bytes are the
     * caller's to wipe.
     */
    public StartResult createAccount(String nickname, byte[] password) throws IOException {
        accounts.createAccount(nickname, password);
        StartResult result = start();
        if (result != StartResult.SUCCESS) accounts.deleteAccount();
        return result;
    }

    /** Unlocks the account and starts it. The password bytes are the caller's to wipe. */
    public StartResult signIn(byte[] password) throws WrongPasswordException, IOException {
        accounts.signIn(password);
        return start();
    }

    /** Stops everything, forgets the database key and ends the node's event thread. */
    public void stop() {
        lifecycle.stopServices();
        accounts.signOut();
        // shutdown() still delivers what is queued, the STOPPED event included; a UI's executor is not ours to end.
        if (get(Key.get(Executor.class, EventExecutor.class)) instanceof ExecutorService events) {
            events.shutdown();
        }
    }

    /** Stops and deletes the account's key files and database. */
    public void deleteAccount() throws IOException {
        stop();
        accounts.deleteAccount();
    }

    /** Our identity; only while started. */
    public Identity identity() throws DbException {
        IdentityManager identities = injector.getInstance(IdentityManager.class);
        return injector.getInstance(TransactionManager.class)
                .transactionWithResult(true, identities::getIdentity);
    }

    public LifecycleManager lifecycle() {
        return lifecycle;
    }

    /** For front ends and tests that need a component this class does not expose. */
    public <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }

    /** As {@link #get(Class)}, for qualified bindings. */
    public <T> T get(Key<T> key) {
        return injector.getInstance(key);
    }

    private StartResult start() {
        SecretKey key = accounts.getDatabaseKey();
        try {
            StartResult result = lifecycle.startServices(key);
            if (result != StartResult.SUCCESS) stop();
            return result;
        } finally {
            key.wipe();
        }
    }
}
