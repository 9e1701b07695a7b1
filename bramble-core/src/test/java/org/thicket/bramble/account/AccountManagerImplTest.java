package org.thicket.bramble.account;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thicket.bramble.account.api.AccountConfig;
import org.thicket.bramble.account.api.WrongPasswordException;
import org.thicket.bramble.crypto.CryptoModule;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.PasswordEncrypter;
import org.thicket.bramble.crypto.api.ScryptCost;
import org.thicket.bramble.db.api.Transaction;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.AuthorId;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.identity.api.LocalAuthor;

class AccountManagerImplTest {

    @TempDir
    Path dataDir;

    private CryptoComponent crypto;
    private PasswordEncrypter encrypter;
    private final RecordingIdentities identities = new RecordingIdentities();

    @BeforeEach
    void setUp() {
        Injector injector = Guice.createInjector(Modules.override(new CryptoModule())
                .with(b -> b.bind(ScryptCost.class).toInstance(ScryptCost.fixed(1024))));
        crypto = injector.getInstance(CryptoComponent.class);
        encrypter = injector.getInstance(PasswordEncrypter.class);
    }

    private AccountManagerImpl newManager() {
        return new AccountManagerImpl(new AccountConfig(dataDir), crypto, encrypter, identities);
    }

    @Test
    void createSignsInAndRegistersTheIdentity() throws Exception {
        AccountManagerImpl accounts = newManager();
        assertThat(accounts.accountExists()).isFalse();

        accounts.createAccount("Alice", "correct horse".getBytes(UTF_8));

        assertThat(accounts.accountExists()).isTrue();
        assertThat(accounts.isSignedIn()).isTrue();
        assertThat(accounts.getDatabaseKey().getBytes()).hasSize(32);
        assertThat(identities.registered).singleElement()
                .satisfies(i -> assertThat(i.localAuthor().author().name()).isEqualTo("Alice"));
        assertThat(dataDir.resolve("db.key")).exists();
        assertThat(dataDir.resolve("db.key.bak")).exists();
        assertThat(dataDir.resolve("db")).isDirectory();
    }

    @Test
    void onlyTheOwnerCanReadTheAccountsFiles() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path newDataDir = dataDir.resolve("new");
        new AccountManagerImpl(new AccountConfig(newDataDir), crypto, encrypter, identities)
                .createAccount("Alice", "pw".getBytes(UTF_8));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(newDataDir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(newDataDir.resolve("db"))))
                .isEqualTo("rwx------");
        for (String file : new String[] {"db.key", "db.key.bak"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(newDataDir.resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
    }

    @Test
    void aDataDirectoryThatAlreadyExistsKeepsItsPermissions() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-x---"));

        newManager().createAccount("Alice", "pw".getBytes(UTF_8));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwxr-x---");
    }

    @Test
    void signInRecoversTheSameKeyAndAWrongPasswordChangesNothing() throws Exception {
        AccountManagerImpl creator = newManager();
        creator.createAccount("Alice", "pw-1".getBytes(UTF_8));
        byte[] key = creator.getDatabaseKey().getBytes();
        byte[] primary = Files.readAllBytes(dataDir.resolve("db.key"));

        AccountManagerImpl later = newManager();
        assertThatThrownBy(() -> later.signIn("pw-2".getBytes(UTF_8))).isInstanceOf(WrongPasswordException.class);
        assertThat(later.isSignedIn()).isFalse();
        assertThat(Files.readAllBytes(dataDir.resolve("db.key"))).isEqualTo(primary);

        later.signIn("pw-1".getBytes(UTF_8));
        assertThat(later.getDatabaseKey().getBytes()).isEqualTo(key);
    }

    @Test
    void changingThePasswordKeepsTheKey() throws Exception {
        AccountManagerImpl accounts = newManager();
        accounts.createAccount("Alice", "old".getBytes(UTF_8));
        byte[] key = accounts.getDatabaseKey().getBytes();

        assertThatThrownBy(() -> accounts.changePassword("nope".getBytes(UTF_8), "new".getBytes(UTF_8)))
                .isInstanceOf(WrongPasswordException.class);
        accounts.changePassword("old".getBytes(UTF_8), "new".getBytes(UTF_8));

        AccountManagerImpl later = newManager();
        assertThatThrownBy(() -> later.signIn("old".getBytes(UTF_8))).isInstanceOf(WrongPasswordException.class);
        later.signIn("new".getBytes(UTF_8));
        assertThat(later.getDatabaseKey().getBytes()).isEqualTo(key);
    }

    @Test
    void afterACrashBetweenBackupAndPrimaryBothPasswordsWork() throws Exception {
        AccountManagerImpl accounts = newManager();
        accounts.createAccount("Alice", "old".getBytes(UTF_8));
        byte[] key = accounts.getDatabaseKey().getBytes();
        byte[] oldPrimary = Files.readAllBytes(dataDir.resolve("db.key"));
        accounts.changePassword("old".getBytes(UTF_8), "new".getBytes(UTF_8));
        Files.write(dataDir.resolve("db.key"), oldPrimary); // as if the primary's rename never happened

        for (String password : new String[] {"old", "new"}) {
            AccountManagerImpl later = newManager();
            later.signIn(password.getBytes(UTF_8));
            assertThat(later.getDatabaseKey().getBytes()).as(password).isEqualTo(key);
        }
    }

    @Test
    void aDamagedPrimaryFallsBackToTheBackup() throws Exception {
        newManager().createAccount("Alice", "pw".getBytes(UTF_8));
        byte[] primary = Files.readAllBytes(dataDir.resolve("db.key"));
        primary[100] = (byte) (primary[100] == '0' ? '1' : '0'); // still hex, no longer decrypts
        Files.write(dataDir.resolve("db.key"), primary);

        AccountManagerImpl later = newManager();
        later.signIn("pw".getBytes(UTF_8));
        assertThat(later.isSignedIn()).isTrue();
    }

    @Test
    void signOutForgetsTheKeyAndDeleteRemovesTheAccount() throws Exception {
        AccountManagerImpl accounts = newManager();
        accounts.createAccount("Alice", "pw".getBytes(UTF_8));
        Files.writeString(dataDir.resolve("db").resolve("db.mv.db"), "pretend database");

        accounts.signOut();
        assertThat(accounts.isSignedIn()).isFalse();
        assertThatThrownBy(accounts::getDatabaseKey).isInstanceOf(IllegalStateException.class);

        accounts.deleteAccount();
        assertThat(accounts.accountExists()).isFalse();
        try (var listing = Files.list(dataDir)) {
            assertThat(listing).isEmpty();
        }
    }

    @Test
    void refusesABadNicknameOrASecondAccountWithoutWritingAnything() throws Exception {
        AccountManagerImpl accounts = newManager();
        assertThatThrownBy(() -> accounts.createAccount("x".repeat(51), "pw".getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        try (var listing = Files.list(dataDir)) {
            assertThat(listing).isEmpty();
        }

        accounts.createAccount("Alice", "pw".getBytes(UTF_8));
        assertThatThrownBy(() -> accounts.createAccount("Bob", "pw".getBytes(UTF_8)))
                .isInstanceOf(IllegalStateException.class);
    }

    /** Creates real identities (real keys) but stores nothing: the database is not part of this test. */
    private final class RecordingIdentities implements IdentityManager {

        final List<Identity> registered = new ArrayList<>();

        @Override
        public Identity createIdentity(String nickname) {
            Author.validateName(nickname);
            var signature = crypto.generateSignatureKeyPair();
            var author = new Author(new AuthorId(new byte[32]), Author.FORMAT_VERSION, nickname, signature.publicKey());
            return new Identity(new LocalAuthor(author, signature.privateKey()),
                    crypto.generateAgreementKeyPair(), 0);
        }

        @Override
        public void registerIdentity(Identity identity) {
            registered.add(identity);
        }

        @Override
        public Identity getIdentity(Transaction txn) {
            throw new UnsupportedOperationException("not used by the account manager");
        }
    }
}
