package org.thicket.messenger.ui

import java.nio.file.Path
import org.slf4j.LoggerFactory
import org.thicket.bramble.account.api.WrongPasswordException
import org.thicket.bramble.lifecycle.api.StartResult
import org.thicket.bramble.util.Bytes
import org.thicket.messenger.node.MessengerNode

/**
 * The account screens' view of the core. A node's lifecycle runs once, so every sign-out or failed start
 * replaces the node with a fresh one for the next attempt.
 */
internal class NodeAccountGateway(private val dataDir: Path) : AccountGateway {
    private val log = LoggerFactory.getLogger(NodeAccountGateway::class.java)

    private var node = MessengerNode.create(dataDir)
    private var nickname: String? = null

    @Synchronized
    override fun accountExists(): Boolean = node.accountExists()

    @Synchronized
    override fun createAccount(nickname: String, password: ByteArray): AccountResult =
        try {
            started(node.createAccount(nickname, password))
        } catch (e: IllegalArgumentException) {
            AccountResult.Error(e.message ?: "Invalid nickname")
        } catch (e: java.io.IOException) {
            failed("Could not create the account", e)
        } finally {
            Bytes.wipe(password)
        }

    @Synchronized
    override fun signIn(password: ByteArray): AccountResult =
        try {
            started(node.signIn(password))
        } catch (e: WrongPasswordException) {
            AccountResult.WrongPassword
        } catch (e: java.io.IOException) {
            failed("Could not read the account's key files", e)
        } finally {
            Bytes.wipe(password)
        }

    @Synchronized
    override fun signOut() {
        node.stop()
        replaceNode()
    }

    @Synchronized
    override fun deleteAccount() {
        node.deleteAccount()
        replaceNode()
    }

    @Synchronized
    override fun nickname(): String? = nickname

    private fun started(result: StartResult): AccountResult {
        if (result != StartResult.SUCCESS) {
            replaceNode()
            return AccountResult.Error(describe(result))
        }
        nickname = node.identity().localAuthor().author().name()
        return AccountResult.Success
    }

    private fun failed(what: String, e: Exception): AccountResult {
        log.warn(what, e)
        return AccountResult.Error("$what: ${e.message}")
    }

    private fun replaceNode() {
        nickname = null
        node = MessengerNode.create(dataDir)
    }

    private fun describe(result: StartResult): String = when (result) {
        StartResult.CLOCK_ERROR -> "Your computer's clock is wrong. Set the correct date and time, then try again."
        StartResult.DB_WRONG_KEY_ERROR -> "The key file does not match the database. The account data may be damaged."
        StartResult.DATA_TOO_OLD_ERROR -> "This account was created by a version too old to upgrade."
        StartResult.DATA_TOO_NEW_ERROR -> "This account was created by a newer version of Thicket. Please update."
        StartResult.DB_ERROR -> "The database could not be opened. See the log for details."
        StartResult.SERVICE_ERROR -> "A part of the app failed to start. See the log for details."
        StartResult.ALREADY_RUNNING, StartResult.SUCCESS -> "Already signed in."
    }
}
