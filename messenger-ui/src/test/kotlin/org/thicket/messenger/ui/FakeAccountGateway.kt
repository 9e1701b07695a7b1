package org.thicket.messenger.ui

import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

/**
 * An in-memory account for UI tests and manual runs. It records what the UI hands over and on which
 * thread; it wipes passwords like the real gateway must. [workMillis] imitates scrypt's delay;
 * [holdUntil], when set, makes account calls wait for it (bounded), so a test can watch the UI while
 * the work runs. Kotlin declares no checked exceptions, so [deleteFailure] may be any exception.
 */
internal class FakeAccountGateway(
    nickname: String? = null,
    password: String? = null,
    private val workMillis: Long = 0,
) : AccountGateway {
    private var account: Pair<String, String>? = nickname?.let { it to requireNotNull(password) }
    private var signedIn = false

    @Volatile
    var holdUntil: CountDownLatch? = null

    /** When set, [deleteAccount] throws it and deletes nothing, as a file that cannot be deleted would. */
    @Volatile
    var deleteFailure: Exception? = null

    /** The passwords handed over, decoded before wiping. */
    val passwordsReceived = CopyOnWriteArrayList<String>()

    /** The very arrays handed over, to check that they end up wiped. */
    val passwordArrays = CopyOnWriteArrayList<ByteArray>()
    val callThreads = CopyOnWriteArrayList<Thread>()

    @Synchronized
    override fun accountExists(): Boolean = account != null

    override fun createAccount(nickname: String, password: ByteArray): AccountResult {
        val typed = receive(password)
        synchronized(this) {
            account = nickname to typed
            signedIn = true
        }
        return AccountResult.Success
    }

    override fun signIn(password: ByteArray): AccountResult {
        val typed = receive(password)
        synchronized(this) {
            val current = account ?: return AccountResult.Error("No account")
            if (current.second != typed) return AccountResult.WrongPassword
            signedIn = true
        }
        return AccountResult.Success
    }

    @Synchronized
    override fun signOut() {
        signedIn = false
    }

    @Synchronized
    override fun deleteAccount() {
        deleteFailure?.let { throw it }
        account = null
        signedIn = false
    }

    @Synchronized
    override fun nickname(): String? = account?.first?.takeIf { signedIn }

    @Synchronized
    fun isSignedIn(): Boolean = signedIn

    private fun receive(password: ByteArray): String {
        callThreads += Thread.currentThread()
        passwordArrays += password
        val typed = password.decodeToString()
        passwordsReceived += typed
        password.fill(0)
        holdUntil?.await(10, TimeUnit.SECONDS)
        if (workMillis > 0) Thread.sleep(workMillis)
        return typed
    }
}
