package org.thicket.messenger.ui

import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test

class AccountInputTest {

    @Test
    fun nicknameIsMeasuredInUtf8BytesAfterTrimming() {
        assertThat(NicknameInput("  Zoë ").nickname).isEqualTo("Zoë")
        assertThat(NicknameInput("  Zoë ").bytes).isEqualTo(4)
        assertThat(NicknameInput("a".repeat(50)).isValid).isTrue()
        assertThat(NicknameInput("a".repeat(51)).isTooLong).isTrue()
        assertThat(NicknameInput("😀".repeat(13)).bytes).isEqualTo(52)
        assertThat(NicknameInput("   ").isValid).isFalse()
        assertThat(NicknameInput("   ").isTooLong).isFalse()
    }

    @Test
    fun passwordStrengthGrowsWithLengthAndVariety() {
        assertThat(PasswordStrength.of("")).isEqualTo(PasswordStrength.TOO_SHORT)
        assertThat(PasswordStrength.of("Ab1!xyz")).isEqualTo(PasswordStrength.TOO_SHORT)
        assertThat(PasswordStrength.of("abcdefgh")).isEqualTo(PasswordStrength.WEAK)
        assertThat(PasswordStrength.of("Password1")).isEqualTo(PasswordStrength.FAIR)
        assertThat(PasswordStrength.of("Tr0ub4dor&3")).isEqualTo(PasswordStrength.STRONG)
        assertThat(PasswordStrength.of("correct horse battery staple")).isEqualTo(PasswordStrength.STRONG)
    }

    @Test
    fun passwordLengthCountsCharactersNotUtf16Units() {
        // 7 emoji are 14 UTF-16 units but 7 characters: still too short
        assertThat(PasswordStrength.of("😀".repeat(7))).isEqualTo(PasswordStrength.TOO_SHORT)
        assertThat(PasswordStrength.of("😀".repeat(8)).isAcceptable).isTrue()
    }
}
