package org.thicket.messenger.ui

import com.google.inject.Module
import java.io.IOException
import java.nio.file.Path
import org.slf4j.LoggerFactory
import org.thicket.bramble.account.api.WrongPasswordException
import org.thicket.bramble.db.api.DbException
import org.thicket.bramble.lifecycle.api.StartResult
import org.thicket.bramble.util.Bytes
import org.thicket.messenger.node.MessengerNode
import org.thicket.messenger.node.StartFailures
import org.thicket.messenger.node.Transports

/**
 * The account screens' view of the core. A node's lifecycle runs once, so every sign-out, deletion or failed
 * start replaces the node with a fresh one for the next attempt. [overrides] replace core bindings in every
 * node this gateway makes (tests bind a cheap `ScryptCost`).
 *
 * Events: the core's `EventBus` delivers on its own daemon thread, `event-thread`, by default. The screens
 * do not listen to events yet. When they do, pass an override here (from [Main.main]) that binds
 * `java.util.concurrent.Executor` annotated with `org.thicket.bramble.event.api.EventExecutor` to the AWT
 * event queue, `EventQueue::invokeLater`. Compose for Desktop runs its composition and state changes on that
 * thread, so listeners may then update Compose state directly. The queue runs tasks one at a time in order,
 * which the binding requires, and no `event-thread` is created.
 */
internal class NodeAccountGateway(
    private val dataDir: Path,
    private val transports: Transports,
    private vararg val overrides: Module,
) : AccountGateway {
    private val log = LoggerFactory.getLogger(NodeAccountGateway::class.java)

    private var node = newNode()
    private var nickname: String? = null

    @Synchronized
    override fun accountExists(): Boolean = node.accountExists()

    @Synchronized
    override fun createAccount(nickname: String, password: ByteArray): AccountResult =
        try {
            started(node.createAccount(nickname, password))
        } catch (e: IllegalArgumentException) {
            AccountResult.Error(e.message ?: "Invalid nickname")
        } catch (e: IOException) {
            failed("Could not create the account", e)
        } finally {
            Bytes.wipe(password)
        }

    @Synchronized
    override fun signIn(password: ByteArray): AccountResult =
        try {
            started(node.signIn(password))
        } catch (e: WrongPasswordException) {
            log.info("Sign-in refused: wrong password")
            AccountResult.WrongPassword
        } catch (e: IOException) {
            failed("Could not read the account's key files", e)
        } finally {
            Bytes.wipe(password)
        }

    @Synchronized
    override fun signOut() {
        try {
            node.stop()
        } finally {
            replaceNode()
        }
    }

    /** @throws IOException if a file could not be deleted; the node is replaced all the same */
    @Synchronized
    override fun deleteAccount() {
        try {
            node.deleteAccount()
        } finally {
            replaceNode()
        }
    }

    @Synchronized
    override fun nickname(): String? = nickname

    private fun started(result: StartResult): AccountResult {
        if (result != StartResult.SUCCESS) {
            replaceNode()
            return AccountResult.Error(StartFailures.describe(result))
        }
        return try {
            nickname = node.identity().localAuthor().author().name()
            AccountResult.Success
        } catch (e: DbException) {
            signOut()
            failed("Could not read your identity from the database", e)
        }
    }

    private fun failed(what: String, e: Exception): AccountResult {
        log.warn(what, e)
        return AccountResult.Error("$what: ${e.message}")
    }

    private fun replaceNode() {
        nickname = null
        node = newNode()
    }

    private fun newNode(): MessengerNode = MessengerNode.create(dataDir, transports, *overrides)
}
