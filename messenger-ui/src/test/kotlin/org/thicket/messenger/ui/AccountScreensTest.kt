package org.thicket.messenger.ui

import androidx.compose.ui.test.ComposeUiTest
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.assertIsEnabled
import androidx.compose.ui.test.assertIsNotEnabled
import androidx.compose.ui.test.assertTextContains
import androidx.compose.ui.test.assertTextEquals
import androidx.compose.ui.test.hasTestTag
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performTextClearance
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.v2.runComposeUiTest
import androidx.compose.ui.test.waitUntilExactlyOneExists
import java.io.IOException
import java.util.concurrent.CountDownLatch
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test

/** The account screens over a fake gateway, rendered off-screen (no display needed). */
@OptIn(ExperimentalTestApi::class)
class AccountScreensTest {

    @Test
    fun tooLongNicknameDisablesCreateAndSaysWhy() = runComposeUiTest {
        startWith(FakeAccountGateway())
        awaitTag(Tags.CREATE_ACCOUNT_SCREEN)
        typePasswords("correct horse", "correct horse")

        // 26 × "é" is 26 characters but 52 UTF-8 bytes
        onNodeWithTag(Tags.NICKNAME).performTextInput("é".repeat(26))
        supportingText(Tags.NICKNAME_HINT).assertTextContains("Too long: 52 of 50 bytes", substring = true)
        onNodeWithTag(Tags.CREATE).assertIsNotEnabled()

        onNodeWithTag(Tags.NICKNAME).performTextClearance()
        onNodeWithTag(Tags.NICKNAME).performTextInput("é".repeat(25))
        supportingText(Tags.NICKNAME_HINT).assertTextEquals("50 / 50 bytes")
        onNodeWithTag(Tags.CREATE).assertIsEnabled()
    }

    @Test
    fun mismatchedPasswordsShowAnErrorAndDisableCreate() = runComposeUiTest {
        startWith(FakeAccountGateway())
        awaitTag(Tags.CREATE_ACCOUNT_SCREEN)
        onNodeWithTag(Tags.NICKNAME).performTextInput("Alice")
        typePasswords("correct horse", "correct hoarse")

        supportingText(Tags.PASSWORD_MISMATCH).assertTextEquals("Passwords do not match")
        onNodeWithTag(Tags.CREATE).assertIsNotEnabled()
    }

    @Test
    fun shortPasswordDisablesCreate() = runComposeUiTest {
        startWith(FakeAccountGateway())
        awaitTag(Tags.CREATE_ACCOUNT_SCREEN)
        onNodeWithTag(Tags.NICKNAME).performTextInput("Alice")
        typePasswords("short", "short")

        supportingText(Tags.PASSWORD_STRENGTH).assertTextContains("Too short", substring = true)
        onNodeWithTag(Tags.CREATE).assertIsNotEnabled()
    }

    @Test
    fun validInputCreatesTheAccountOffTheUiThreadAndShowsTheMainScreen() = runComposeUiTest {
        val gateway = FakeAccountGateway()
        startWith(gateway)
        awaitTag(Tags.CREATE_ACCOUNT_SCREEN)
        onNodeWithTag(Tags.NICKNAME).performTextInput("  Zoë  ")
        typePasswords("pässwörd Ω 42", "pässwörd Ω 42")
        supportingText(Tags.PASSWORD_STRENGTH).assertTextEquals("Strong")

        onNodeWithTag(Tags.CREATE).performClick()

        awaitTag(Tags.MAIN_SCREEN)
        onNodeWithTag(Tags.OUR_NICKNAME).assertTextEquals("Zoë")
        assertThat(gateway.passwordsReceived).containsExactly("pässwörd Ω 42")
        assertThat(gateway.passwordArrays.single()).hasSize("pässwörd Ω 42".encodeToByteArray().size).containsOnly(0)
        assertThat(gateway.callThreads.single()).isNotSameAs(Thread.currentThread())
        onNodeWithTag(Tags.CONTACTS_EMPTY).assertTextEquals("No contacts yet. Add a contact by QR code or by link.")
    }

    @Test
    fun wrongPasswordShowsTheErrorAndStaysOnSignIn() = runComposeUiTest {
        val gateway = FakeAccountGateway("Alice", "right password")
        startWith(gateway)
        awaitTag(Tags.SIGN_IN_SCREEN)

        signIn("wrong password")

        awaitTag(Tags.ERROR)
        onNodeWithTag(Tags.ERROR).assertTextEquals("Wrong password. Please try again.")
        onNodeWithTag(Tags.SIGN_IN_SCREEN).assertExists()
        // the field was emptied on submit, so there is nothing to sign in with
        onNodeWithTag(Tags.SIGN_IN).assertIsNotEnabled()
        assertThat(gateway.isSignedIn()).isFalse()
    }

    @Test
    fun rightPasswordShowsTheMainScreen() = runComposeUiTest {
        val gateway = FakeAccountGateway("Alice", "right password")
        startWith(gateway)
        awaitTag(Tags.SIGN_IN_SCREEN)

        signIn("right password")

        awaitTag(Tags.MAIN_SCREEN)
        onNodeWithTag(Tags.OUR_NICKNAME).assertTextEquals("Alice")
        assertThat(gateway.passwordsReceived).containsExactly("right password")
    }

    @Test
    fun busyIndicatorShowsWhileTheGatewayWorks() = runComposeUiTest {
        val gateway = FakeAccountGateway("Alice", "right password")
        val release = CountDownLatch(1)
        gateway.holdUntil = release
        startWith(gateway)
        awaitTag(Tags.SIGN_IN_SCREEN)

        signIn("right password")

        awaitTag(Tags.BUSY)
        onNodeWithTag(Tags.DELETE_ACCOUNT).assertIsNotEnabled()
        release.countDown()
        awaitTag(Tags.MAIN_SCREEN)
        onNodeWithTag(Tags.BUSY).assertDoesNotExist()
    }

    @Test
    fun signOutReturnsToSignIn() = runComposeUiTest {
        val gateway = FakeAccountGateway("Alice", "right password")
        startWith(gateway)
        awaitTag(Tags.SIGN_IN_SCREEN)
        signIn("right password")
        awaitTag(Tags.MAIN_SCREEN)

        onNodeWithTag(Tags.SIGN_OUT).performClick()

        awaitTag(Tags.SIGN_IN_SCREEN)
        assertThat(gateway.isSignedIn()).isFalse()
    }

    @Test
    fun deleteAccountAsksForConfirmationFirst() = runComposeUiTest {
        val gateway = FakeAccountGateway("Alice", "right password")
        startWith(gateway)
        awaitTag(Tags.SIGN_IN_SCREEN)

        onNodeWithTag(Tags.DELETE_ACCOUNT).performClick()
        awaitTag(Tags.DELETE_DIALOG)
        onNodeWithTag(Tags.DELETE_CANCEL).performClick()
        onNodeWithTag(Tags.DELETE_DIALOG).assertDoesNotExist()
        assertThat(gateway.accountExists()).isTrue()

        onNodeWithTag(Tags.DELETE_ACCOUNT).performClick()
        awaitTag(Tags.DELETE_CONFIRM)
        onNodeWithTag(Tags.DELETE_CONFIRM).performClick()

        awaitTag(Tags.CREATE_ACCOUNT_SCREEN)
        assertThat(gateway.accountExists()).isFalse()
    }

    /** Kotlin lets a gateway throw a checked exception undeclared; it must not leave the UI busy for ever. */
    @Test
    fun aCheckedExceptionFromTheGatewayIsShownAndTheScreenStaysUsable() = runComposeUiTest {
        val gateway = FakeAccountGateway("Alice", "right password")
        gateway.deleteFailure = IOException("db.key: Permission denied")
        startWith(gateway)
        awaitTag(Tags.SIGN_IN_SCREEN)

        onNodeWithTag(Tags.DELETE_ACCOUNT).performClick()
        awaitTag(Tags.DELETE_CONFIRM)
        onNodeWithTag(Tags.DELETE_CONFIRM).performClick()

        awaitTag(Tags.ERROR)
        onNodeWithTag(Tags.ERROR).assertTextEquals("Something went wrong: db.key: Permission denied")
        onNodeWithTag(Tags.BUSY).assertDoesNotExist()
        onNodeWithTag(Tags.DELETE_ACCOUNT).assertIsEnabled()
        signIn("right password")
        awaitTag(Tags.MAIN_SCREEN)
    }

    @Test
    fun aboutShowsNameAndVersion() = runComposeUiTest {
        startWith(FakeAccountGateway("Alice", "right password"))
        awaitTag(Tags.SIGN_IN_SCREEN)
        signIn("right password")
        awaitTag(Tags.MAIN_SCREEN)

        onNodeWithTag(Tags.NAV_ABOUT).performClick()

        onNodeWithTag(Tags.ABOUT_NAME).assertTextEquals("Thicket")
        assertThat(AppInfo.version).matches("\\d+\\.\\d+\\.\\d+.*")
        onNodeWithTag(Tags.ABOUT_VERSION).assertTextEquals("Version ${AppInfo.version}")
    }

    private fun ComposeUiTest.startWith(gateway: AccountGateway) = setContent { ThicketApp(gateway) }

    /** A text field merges its supporting text into its own semantics node. */
    private fun ComposeUiTest.supportingText(tag: String) = onNodeWithTag(tag, useUnmergedTree = true)

    private fun ComposeUiTest.awaitTag(tag: String) = waitUntilExactlyOneExists(hasTestTag(tag), TIMEOUT_MS)

    private fun ComposeUiTest.typePasswords(password: String, confirmation: String) {
        onNodeWithTag(Tags.PASSWORD).performTextInput(password)
        onNodeWithTag(Tags.CONFIRM_PASSWORD).performTextInput(confirmation)
    }

    private fun ComposeUiTest.signIn(password: String) {
        onNodeWithTag(Tags.PASSWORD).performTextInput(password)
        onNodeWithTag(Tags.SIGN_IN).performClick()
    }

    private companion object {
        /** Generous: only reached when something is broken; the fake answers at once. */
        const val TIMEOUT_MS = 10_000L
    }
}
