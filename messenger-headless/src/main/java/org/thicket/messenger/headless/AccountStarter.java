package org.thicket.messenger.headless;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thicket.bramble.account.api.AccountConfig;
import org.thicket.bramble.account.api.WrongPasswordException;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.lifecycle.api.StartResult;
import org.thicket.bramble.util.Bytes;
import org.thicket.messenger.node.MessengerNode;
import org.thicket.messenger.node.StartFailures;

/** Creates the account in the node's data directory, or unlocks the one there, and starts the node. */
final class AccountStarter {

    private static final Logger LOG = LoggerFactory.getLogger(AccountStarter.class);

    private final PasswordSource passwords;
    private final Prompter prompter;

    /** @param prompter the terminal, or null if there is none */
    AccountStarter(PasswordSource passwords, Prompter prompter) {
        this.passwords = passwords;
        this.prompter = prompter;
    }

    /**
     * @param nickname the {@code --nickname} value, or null; used only when there is no account yet
     * @return the identity of the running account
     */
    Identity start(MessengerNode node, String nickname) throws ExitException {
        StartResult result = node.accountExists() ? signIn(node, nickname) : create(node, nickname);
        if (result != StartResult.SUCCESS) throw new ExitException(ExitCode.FAILED, StartFailures.describe(result));
        try {
            return node.identity();
        } catch (DbException e) {
            throw new ExitException(ExitCode.FAILED, "Could not read the account's identity: " + e.getMessage());
        }
    }

    private StartResult create(MessengerNode node, String nicknameOption) throws ExitException {
        String missing = "There is no account in " + node.get(AccountConfig.class).dataDirectory()
                + " yet: give --nickname NAME to create one";
        String nickname = Nickname.choose(nicknameOption, prompter, missing);
        byte[] password = passwords.newPassword();
        try {
            return node.createAccount(nickname, password);
        } catch (IOException e) {
            throw new ExitException(ExitCode.FAILED, "Could not create the account: " + e.getMessage());
        } finally {
            Bytes.wipe(password);
        }
    }

    private StartResult signIn(MessengerNode node, String nicknameOption) throws ExitException {
        if (nicknameOption != null) LOG.warn("Ignoring --nickname: the account already exists");
        byte[] password = passwords.password();
        try {
            return node.signIn(password);
        } catch (WrongPasswordException e) {
            throw new ExitException(ExitCode.WRONG_PASSWORD, "Wrong password");
        } catch (IOException e) {
            throw new ExitException(ExitCode.FAILED, "Could not read the account's key files: " + e.getMessage());
        } finally {
            Bytes.wipe(password);
        }
    }
}
