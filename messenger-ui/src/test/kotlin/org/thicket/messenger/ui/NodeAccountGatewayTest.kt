package org.thicket.messenger.ui

import java.nio.file.Path
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import org.thicket.bramble.account.api.AccountManager
import org.thicket.messenger.node.MessengerNode
import org.thicket.messenger.ui.CoreTestModules.cheapScrypt
import org.thicket.messenger.ui.CoreTestModules.wrongClock
import org.thicket.messenger.node.Transports

/** The gateway over the real core (crypto, encrypted database, lifecycle) in a temporary data directory. */
class NodeAccountGatewayTest {

    @TempDir
    lateinit var dataDir: Path

    private val opened = mutableListOf<NodeAccountGateway>()

    /** The database stays open while signed in; close it before @TempDir deletes the directory. */
    @AfterEach
    fun signOutEverywhere() {
        opened.filter { it.nickname() != null }.forEach { it.signOut() }
    }

    @Test
    fun createAccountSignsInWithTheNicknameAndWipesThePassword() {
        val gateway = open()
        val password = bytes(RIGHT)

        assertThat(gateway.createAccount("Zoë", password)).isEqualTo(AccountResult.Success)

        assertThat(gateway.nickname()).isEqualTo("Zoë")
        assertThat(gateway.accountExists()).isTrue()
        assertThat(password).containsOnly(0)
    }

    @Test
    fun signOutForgetsTheNickname() {
        val gateway = open()
        gateway.createAccount("Zoë", bytes(RIGHT))

        gateway.signOut()

        assertThat(gateway.nickname()).isNull()
        assertThat(gateway.accountExists()).isTrue()
    }

    @Test
    fun wrongPasswordIsRejectedAndTheRightOneSignsInAgain() {
        val gateway = open()
        gateway.createAccount("Zoë", bytes(RIGHT))
        gateway.signOut()
        val wrong = bytes(WRONG)
        val right = bytes(RIGHT)

        assertThat(gateway.signIn(wrong)).isEqualTo(AccountResult.WrongPassword)
        assertThat(gateway.nickname()).isNull()
        assertThat(gateway.signIn(right)).isEqualTo(AccountResult.Success)

        assertThat(gateway.nickname()).isEqualTo("Zoë")
        assertThat(wrong).containsOnly(0)
        assertThat(right).containsOnly(0)
    }

    @Test
    fun aSecondGatewayOnTheSameDirectoryFindsTheAccountAndItsIdentity() {
        open().run {
            createAccount("Zoë", bytes(RIGHT))
            signOut()
        }

        val restarted = open()

        assertThat(restarted.accountExists()).isTrue()
        assertThat(restarted.signIn(bytes(RIGHT))).isEqualTo(AccountResult.Success)
        assertThat(restarted.nickname()).isEqualTo("Zoë")
    }

    @Test
    fun deleteAccountRemovesItForEveryGatewayAndAllowsANewOne() {
        val gateway = open()
        gateway.createAccount("Zoë", bytes(RIGHT))

        gateway.deleteAccount()

        assertThat(gateway.accountExists()).isFalse()
        assertThat(gateway.nickname()).isNull()
        assertThat(open().accountExists()).isFalse()
        assertThat(gateway.createAccount("Ada", bytes(RIGHT))).isEqualTo(AccountResult.Success)
        assertThat(gateway.nickname()).isEqualTo("Ada")
    }

    @Test
    fun tooLongNicknameIsAnErrorAndCreatesNothing() {
        val gateway = open()
        val password = bytes(RIGHT)

        val result = gateway.createAccount("é".repeat(26), password)

        assertThat(result).isInstanceOf(AccountResult.Error::class.java)
        assertThat(gateway.accountExists()).isFalse()
        assertThat(password).containsOnly(0)
    }

    @Test
    fun accountWhoseFirstStartFailsIsDeletedSoItCanBeCreatedAgain() {
        val password = bytes(RIGHT)

        val result = open(wrongClock).createAccount("Zoë", password)

        assertThat(result).isEqualTo(
            AccountResult.Error("Your computer's clock is wrong. Set the correct date and time, then try again."),
        )
        assertThat(password).containsOnly(0)
        val fixedClock = open()
        assertThat(fixedClock.accountExists()).isFalse()
        assertThat(fixedClock.createAccount("Zoë", bytes(RIGHT))).isEqualTo(AccountResult.Success)
    }

    /** As a crash during the very first start would leave it: key files and database, but no identity stored. */
    @Test
    fun anAccountWithoutAnIdentityIsReportedNotThrown() {
        // Account files written, process gone before the lifecycle ever opened the database.
        MessengerNode.create(dataDir, cheapScrypt).get(AccountManager::class.java).createAccount("Zoë", bytes(RIGHT))
        val gateway = open()

        val result = gateway.signIn(bytes(RIGHT))

        assertThat(result).isInstanceOf(AccountResult.Error::class.java)
        assertThat((result as AccountResult.Error).message).startsWith("Could not read your identity from the database")
        assertThat(gateway.nickname()).isNull()
        gateway.deleteAccount()
        assertThat(gateway.accountExists()).isFalse()
    }

    private fun open(vararg overrides: com.google.inject.Module): NodeAccountGateway =
        NodeAccountGateway(dataDir, Transports.NONE, cheapScrypt, *overrides).also { opened += it }

    private fun bytes(password: String) = password.encodeToByteArray()

    private companion object {
        const val RIGHT = "correct horse battery staple"
        const val WRONG = "correct horse battery stapler"
    }
}
