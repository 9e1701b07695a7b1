package org.thicket.messenger.node;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import java.io.IOException;
import java.nio.file.Path;
import org.thicket.bramble.BrambleCoreModule;
import org.thicket.bramble.account.api.AccountManager;
import org.thicket.bramble.account.api.WrongPasswordException;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.TransactionManager;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.lifecycle.api.LifecycleManager;
import org.thicket.bramble.lifecycle.api.StartResult;

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

    /** @param overrides bindings that replace the defaults, e.g. the event executor of a UI toolkit */
    public static MessengerNode create(Path dataDirectory, Module... overrides) {
        Module core = new BrambleCoreModule(dataDirectory);
        return new MessengerNode(Guice.createInjector(Modules.override(core).with(overrides)));
    }

    public boolean accountExists() {
        return accounts.accountExists();
    }

    /** Creates the account and starts it. The password bytes are the caller's to wipe. */
    public StartResult createAccount(String nickname, byte[] password) throws IOException {
        accounts.createAccount(nickname, password);
        return start();
    }

    /** Unlocks the account and starts it. The password bytes are the caller's to wipe. */
    public StartResult signIn(byte[] password) throws WrongPasswordException, IOException {
        accounts.signIn(password);
        return start();
    }

    /** Stops everything and forgets the database key. */
    public void stop() {
        lifecycle.stopServices();
        accounts.signOut();
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
