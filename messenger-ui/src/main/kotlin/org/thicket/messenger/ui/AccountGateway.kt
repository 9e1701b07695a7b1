package org.thicket.messenger.ui

/**
 * Everything the account screens need from the core. Calls may block (creating an account or signing
 * in derives a key with scrypt, about a second), so the UI makes them off the UI thread.
 */
interface AccountGateway {
    fun accountExists(): Boolean

    /**
     * Creates the account and signs in. [password] is UTF-8; the gateway wipes it before returning,
     * whatever the outcome.
     */
    fun createAccount(nickname: String, password: ByteArray): AccountResult

    /** Signs in to the existing account. [password] is UTF-8; the gateway wipes it before returning. */
    fun signIn(password: ByteArray): AccountResult

    fun signOut()

    /**
     * Deletes the account and all its data; afterwards [accountExists] is false. May throw, e.g. an
     * IOException when a file cannot be deleted; the UI then shows the message.
     */
    fun deleteAccount()

    /** The nickname of the signed-in account, or null when nobody is signed in. */
    fun nickname(): String?
}

sealed interface AccountResult {
    data object Success : AccountResult

    data object WrongPassword : AccountResult

    /** [message] is shown to the user as it is. */
    data class Error(val message: String) : AccountResult
}
