package org.thicket.bramble.account.api;

import java.io.IOException;
import org.thicket.bramble.crypto.api.SecretKey;

/**
 * The local account: one identity and the password that unlocks its encrypted database. The password only wraps a
 * random database key (specs/account.md), so signing in checks the password before the database is touched, and
 * changing the password rewrites a ~100-byte file instead of re-encrypting the database.
 */
public interface AccountManager {

    boolean accountExists();

    /**
     * Creates the identity and a random database key wrapped by the password, and signs in. The identity is written
     * to the database when the lifecycle first opens it.
     *
     * @param password UTF-8 bytes; not kept, the caller wipes them
     * @throws IllegalArgumentException if the nickname is empty or over 50 UTF-8 bytes
     * @throws IllegalStateException if an account already exists
     */
    void createAccount(String nickname, byte[] password) throws IOException;

    /** @throws WrongPasswordException if the password does not unlock the key files (nothing is changed) */
    void signIn(byte[] password) throws WrongPasswordException, IOException;

    boolean isSignedIn();

    /** A copy of the database key for opening the database; the caller wipes it. */
    SecretKey getDatabaseKey();

    /** @throws WrongPasswordException if the old password is wrong; the key files are then unchanged */
    void changePassword(byte[] oldPassword, byte[] newPassword) throws WrongPasswordException, IOException;

    /** Forgets the database key. Stopping services is the caller's job (the lifecycle needs the key no longer). */
    void signOut();

    /** Signs out and deletes the database and key files. Irreversible: without the key the data is unreadable. */
    void deleteAccount() throws IOException;
}
