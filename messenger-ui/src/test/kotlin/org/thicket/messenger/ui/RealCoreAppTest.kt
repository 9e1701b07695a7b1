package org.thicket.messenger.ui

import androidx.compose.ui.test.ComposeUiTest
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.assertTextEquals
import androidx.compose.ui.test.hasTestTag
import androidx.compose.ui.test.onNodeWithTag
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.v2.runComposeUiTest
import androidx.compose.ui.test.waitUntilExactlyOneExists
import java.nio.file.Path
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir
import org.thicket.messenger.ui.CoreTestModules.cheapScrypt
import org.thicket.messenger.node.Transports

/**
 * The whole app, ThicketApp over NodeAccountGateway over the real core, driven through its text fields
 * and buttons. The account work runs on Dispatchers.IO in real time, so every step waits (bounded) for
 * the screen it leads to.
 */
@OptIn(ExperimentalTestApi::class)
class RealCoreAppTest {

    @TempDir
    lateinit var dataDir: Path

    private lateinit var gateway: NodeAccountGateway

    @AfterEach
    fun closeTheDatabase() {
        if (gateway.nickname() != null) gateway.signOut()
    }

    @Test
    fun createAccountSignOutAndSignInAgain() = runComposeUiTest {
        gateway = NodeAccountGateway(dataDir, Transports.NONE, cheapScrypt)
        setContent { ThicketApp(gateway) }
        awaitTag(Tags.CREATE_ACCOUNT_SCREEN)

        onNodeWithTag(Tags.NICKNAME).performTextInput("Zoë")
        onNodeWithTag(Tags.PASSWORD).performTextInput(PASSWORD)
        onNodeWithTag(Tags.CONFIRM_PASSWORD).performTextInput(PASSWORD)
        onNodeWithTag(Tags.CREATE).performClick()
        awaitTag(Tags.MAIN_SCREEN)
        onNodeWithTag(Tags.OUR_NICKNAME).assertTextEquals("Zoë")

        onNodeWithTag(Tags.SIGN_OUT).performClick()
        awaitTag(Tags.SIGN_IN_SCREEN)
        assertThat(gateway.nickname()).isNull()

        signIn(PASSWORD)
        awaitTag(Tags.MAIN_SCREEN)
        onNodeWithTag(Tags.OUR_NICKNAME).assertTextEquals("Zoë")
    }

    @Test
    fun existingAccountOpensAtSignInAndRejectsTheWrongPassword() = runComposeUiTest {
        NodeAccountGateway(dataDir, Transports.NONE, cheapScrypt).run {
            createAccount("Zoë", PASSWORD.encodeToByteArray())
            signOut()
        }
        gateway = NodeAccountGateway(dataDir, Transports.NONE, cheapScrypt)
        setContent { ThicketApp(gateway) }
        awaitTag(Tags.SIGN_IN_SCREEN)

        signIn("not the password")
        awaitTag(Tags.ERROR)
        onNodeWithTag(Tags.ERROR).assertTextEquals("Wrong password. Please try again.")
        onNodeWithTag(Tags.SIGN_IN_SCREEN).assertExists()

        signIn(PASSWORD)
        awaitTag(Tags.MAIN_SCREEN)
        onNodeWithTag(Tags.OUR_NICKNAME).assertTextEquals("Zoë")
    }

    private fun ComposeUiTest.awaitTag(tag: String) = waitUntilExactlyOneExists(hasTestTag(tag), TIMEOUT_MS)

    private fun ComposeUiTest.signIn(password: String) {
        onNodeWithTag(Tags.PASSWORD).performTextInput(password)
        onNodeWithTag(Tags.SIGN_IN).performClick()
    }

    private companion object {
        const val PASSWORD = "Correct horse 42 battery"

        /** Generous for a loaded machine; each step takes well under a second with the cheap scrypt. */
        const val TIMEOUT_MS = 20_000L
    }
}
