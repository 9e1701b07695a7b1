package org.thicket.messenger.ui

import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import kotlin.coroutines.CoroutineContext
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.launch
import kotlinx.coroutines.withContext
import org.slf4j.LoggerFactory
import org.thicket.bramble.util.Bytes

internal sealed interface Screen {
    data object Starting : Screen

    data object CreateAccount : Screen

    data object SignIn : Screen

    data class SignedIn(val nickname: String) : Screen
}

/**
 * Which screen is up, and the account work behind it. Gateway calls run in [workContext] (off the UI
 * thread: scrypt takes about a second); their outcome is written to Compose state back in [uiScope],
 * the composition's own scope, so state only ever changes on the UI thread.
 */
internal class AccountSession(
    private val gateway: AccountGateway,
    private val uiScope: CoroutineScope,
    private val workContext: CoroutineContext,
) {
    var screen: Screen by mutableStateOf(Screen.Starting)
        private set

    /** What is running right now ("Signing in…"), or null when idle; one task at a time. */
    var busyWith: String? by mutableStateOf(null)
        private set

    /** The last task's failure, shown on the screen it left us on. */
    var error: String? by mutableStateOf(null)
        private set

    fun start() = launch("Opening…") {
        Outcome(if (gateway.accountExists()) Screen.SignIn else Screen.CreateAccount)
    }

    /** Takes ownership of [password] and wipes it. */
    fun createAccount(nickname: String, password: ByteArray) = launch("Creating your account…", password) {
        signedInOr(Screen.CreateAccount, gateway.createAccount(nickname, password))
    }

    /** Takes ownership of [password] and wipes it. */
    fun signIn(password: ByteArray) = launch("Signing in…", password) {
        signedInOr(Screen.SignIn, gateway.signIn(password))
    }

    fun signOut() = launch("Signing out…") {
        gateway.signOut()
        Outcome(Screen.SignIn)
    }

    fun deleteAccount() = launch("Deleting the account…") {
        gateway.deleteAccount()
        Outcome(Screen.CreateAccount)
    }

    private fun signedInOr(stay: Screen, result: AccountResult): Outcome = when (result) {
        AccountResult.Success -> Outcome(Screen.SignedIn(gateway.nickname().orEmpty()))
        AccountResult.WrongPassword -> Outcome(stay, "Wrong password. Please try again.")
        is AccountResult.Error -> Outcome(stay, result.message)
    }

    private fun launch(activity: String, secret: ByteArray? = null, task: () -> Outcome) {
        if (busyWith != null) {
            secret?.let(Bytes::wipe)
            return
        }
        busyWith = activity
        error = null
        val current = screen
        uiScope.launch {
            val outcome = withContext(workContext) { runGuarded(current, secret, task) }
            screen = outcome.screen
            error = outcome.error
            busyWith = null
        }
    }

    /**
     * The gateway should report failures as results; anything it throws still must not kill the UI. That
     * includes checked exceptions (an IOException from deleting files), which Kotlin does not declare.
     */
    private fun runGuarded(current: Screen, secret: ByteArray?, task: () -> Outcome): Outcome = try {
        task()
    } catch (e: Exception) {
        log.warn("Account task failed", e)
        Outcome(current, "Something went wrong: ${e.message ?: e.javaClass.simpleName}")
    } finally {
        secret?.let(Bytes::wipe)
    }

    private data class Outcome(val screen: Screen, val error: String? = null)

    private companion object {
        val log = LoggerFactory.getLogger(AccountSession::class.java)
    }
}
