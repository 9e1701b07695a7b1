package org.thicket.messenger.ui

import org.thicket.bramble.identity.api.Author

/** The nickname as the create-account form judges it; the limit is the one the core puts on an Author. */
internal class NicknameInput(input: String) {
    /** Leading and trailing blanks are typing accidents, not part of the name. */
    val nickname: String = input.trim()
    val bytes: Int = nickname.encodeToByteArray().size
    val isTooLong: Boolean get() = bytes > MAX_BYTES
    val isValid: Boolean get() = bytes in 1..MAX_BYTES

    companion object {
        const val MAX_BYTES = Author.MAX_NAME_BYTES
    }
}

/**
 * A rough, explainable strength estimate: length and the mix of character kinds. It only guides the
 * user; the one hard rule is [MIN_PASSWORD_LENGTH].
 */
internal const val MIN_PASSWORD_LENGTH = 8

internal enum class PasswordStrength(val label: String) {
    TOO_SHORT("Too short: use at least $MIN_PASSWORD_LENGTH characters"),
    WEAK("Weak"),
    FAIR("Fair"),
    STRONG("Strong");

    val isAcceptable: Boolean get() = this != TOO_SHORT

    companion object {
        fun of(password: String): PasswordStrength {
            val length = password.codePointCount(0, password.length)
            if (length < MIN_PASSWORD_LENGTH) return TOO_SHORT
            val points = characterKinds(password) + (if (length >= 12) 1 else 0) + (if (length >= 16) 1 else 0)
            return when {
                points <= 2 -> WEAK
                points == 3 -> FAIR
                else -> STRONG
            }
        }

        private fun characterKinds(password: String): Int = listOf<(Char) -> Boolean>(
            Char::isLowerCase,
            Char::isUpperCase,
            Char::isDigit,
            { c: Char -> !c.isLetterOrDigit() },
        ).count { kind -> password.any(kind) }
    }
}
