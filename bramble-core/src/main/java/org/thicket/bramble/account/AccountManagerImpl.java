package org.thicket.bramble.account;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.account.api.AccountConfig;
import org.thicket.bramble.account.api.AccountManager;
import org.thicket.bramble.account.api.WrongPasswordException;
import org.thicket.bramble.crypto.api.CryptoComponent;
import org.thicket.bramble.crypto.api.DecryptionException;
import org.thicket.bramble.crypto.api.PasswordEncrypter;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.identity.api.IdentityManager;
import org.thicket.bramble.util.Bytes;
import org.thicket.bramble.util.FormatException;

@Singleton
final class AccountManagerImpl implements AccountManager {

    private static final Logger LOG = LoggerFactory.getLogger(AccountManagerImpl.class);

    private final AccountConfig config;
    private final CryptoComponent crypto;
    private final PasswordEncrypter passwordEncrypter;
    private final IdentityManager identityManager;
    private final KeyFiles keyFiles;

    private final Object lock = new Object();
    private byte[] databaseKey; // guarded by lock; null when signed out

    @Inject
    AccountManagerImpl(AccountConfig config, CryptoComponent crypto, PasswordEncrypter passwordEncrypter,
            IdentityManager identityManager) {
        this.config = config;
        this.crypto = crypto;
        this.passwordEncrypter = passwordEncrypter;
        this.identityManager = identityManager;
        this.keyFiles = new KeyFiles(config.dataDirectory());
    }

    @Override
    public boolean accountExists() {
        return keyFiles.exist() && Files.isDirectory(config.databaseDirectory());
    }

    @Override
    public void createAccount(String nickname, byte[] password) throws IOException {
        synchronized (lock) {
            if (accountExists()) throw new IllegalStateException("An account already exists in " + config.dataDirectory());
            Identity identity = identityManager.createIdentity(nickname);
            SecretKey key = crypto.generateSecretKey();
            byte[] keyBytes = key.getBytes();
            key.wipe();
            try {
                // The database directory marks the account as complete, so it is made after the key files.
                keyFiles.write(passwordEncrypter.encryptWithPassword(keyBytes, password));
                OwnerOnly.createDirectory(config.databaseDirectory());
            } catch (IOException | RuntimeException e) {
                Bytes.wipe(keyBytes);
                throw e;
            }
            identityManager.registerIdentity(identity);
            replaceKey(keyBytes);
            LOG.info("Created an account in {}", config.dataDirectory());
        }
    }

    @Override
    public void signIn(byte[] password) throws WrongPasswordException, IOException {
        synchronized (lock) {
            replaceKey(unlock(password));
        }
    }

    @Override
    public boolean isSignedIn() {
        synchronized (lock) {
            return databaseKey != null;
        }
    }

    @Override
    public SecretKey getDatabaseKey() {
        synchronized (lock) {
            if (databaseKey == null) throw new IllegalStateException("Not signed in");
            return new SecretKey(databaseKey);
        }
    }

    @Override
    public void changePassword(byte[] oldPassword, byte[] newPassword) throws WrongPasswordException, IOException {
        synchronized (lock) {
            byte[] key = unlock(oldPassword);
            try {
                keyFiles.write(passwordEncrypter.encryptWithPassword(key, newPassword));
            } finally {
                Bytes.wipe(key);
            }
        }
    }

    @Override
    public void signOut() {
        synchronized (lock) {
            replaceKey(null);
        }
    }

    @Override
    public void deleteAccount() throws IOException {
        synchronized (lock) {
            replaceKey(null);
            keyFiles.delete();
            deleteRecursively(config.databaseDirectory());
            LOG.info("Deleted the account in {}", config.dataDirectory());
        }
    }

    /**
     * Tries each readable key file. Both hold blobs wrapping the same database key, so whichever the password opens
     * is right; after a crash mid-change either the old or the new password works, never neither.
     */
    private byte[] unlock(byte[] password) throws WrongPasswordException, IOException {
        List<byte[]> blobs = keyFiles.read();
        if (blobs.isEmpty()) throw new IOException("No readable key file in " + config.dataDirectory());
        for (byte[] blob : blobs) {
            try {
                byte[] key = passwordEncrypter.decryptWithPassword(blob, password);
                if (key.length == SecretKey.LENGTH) return key;
                Bytes.wipe(key);
            } catch (DecryptionException | FormatException e) {
                // Try the other copy; a wrong password fails on both.
            }
        }
        throw new WrongPasswordException();
    }

    private void replaceKey(byte[] newKey) {
        Bytes.wipe(databaseKey);
        databaseKey = newKey;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) throw e;
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
