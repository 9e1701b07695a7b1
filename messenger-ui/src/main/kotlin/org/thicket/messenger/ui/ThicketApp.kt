package org.thicket.messenger.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.material3.Surface
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.remember
import androidx.compose.runtime.rememberCoroutineScope
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import kotlin.coroutines.CoroutineContext
import kotlinx.coroutines.Dispatchers

/** The whole window's content. [workContext] runs the blocking gateway calls. */
@Composable
internal fun ThicketApp(gateway: AccountGateway, workContext: CoroutineContext = Dispatchers.IO) {
    val uiScope = rememberCoroutineScope()
    val session = remember(gateway) { AccountSession(gateway, uiScope, workContext) }
    LaunchedEffect(session) { session.start() }
    ThicketTheme {
        Surface(Modifier.fillMaxSize()) {
            when (val screen = session.screen) {
                Screen.Starting -> StartingScreen(session.busyWith, session.error)
                Screen.CreateAccount -> CreateAccountScreen(session.busyWith, session.error, session::createAccount)
                Screen.SignIn -> SignInScreen(session.busyWith, session.error, session::signIn, session::deleteAccount)
                is Screen.SignedIn -> MainScreen(screen.nickname, session.busyWith, session.error, session::signOut)
            }
        }
    }
}

@Composable
private fun StartingScreen(busyWith: String?, error: String?) {
    Column(
        Modifier.fillMaxSize().testTag(Tags.STARTING),
        verticalArrangement = Arrangement.Center,
        horizontalAlignment = Alignment.CenterHorizontally,
    ) {
        busyWith?.let { BusyLine(it) }
        error?.let { ErrorLine(it) }
    }
}
