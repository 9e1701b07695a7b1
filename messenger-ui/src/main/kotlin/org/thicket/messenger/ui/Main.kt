package org.thicket.messenger.ui

import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.draw.drawWithContent
import androidx.compose.ui.unit.dp
import androidx.compose.ui.window.Window
import androidx.compose.ui.window.WindowPosition
import androidx.compose.ui.window.application
import androidx.compose.ui.window.rememberWindowState
import java.lang.management.ManagementFactory
import java.nio.file.Path
import kotlin.system.exitProcess
import kotlinx.coroutines.delay
import org.thicket.messenger.node.Transports

/**
 * Starts the desktop app. [openAccountGateway] is the one wiring point between this UI and the core:
 * it gets the data directory and returns the gateway the screens talk to: the core's in [main], an
 * in-memory fake in the tests' FakeMain.
 *
 * `-Dthicket.autoExitMs=N` quits N ms after the first frame (scripted runs and screenshots).
 */
class Main(private val openAccountGateway: (dataDir: Path) -> AccountGateway) {

    fun run(args: Array<String>) {
        val dataDir = try {
            DataDirectory.of(args.asList())
        } catch (e: IllegalArgumentException) {
            System.err.println(e.message)
            exitProcess(2)
        }
        val gateway = openAccountGateway(dataDir)
        // Closes the database cleanly however the process ends: the window's close button (exitProcess
        // below) and SIGTERM or Ctrl+C alike. A hook has its own thread, so the UI thread never blocks on it.
        Runtime.getRuntime().addShutdownHook(Thread({ signOutIfSignedIn(gateway) }, "thicket-sign-out"))
        showWindow(gateway)
        exitProcess(0)
    }

    private fun signOutIfSignedIn(gateway: AccountGateway) {
        if (gateway.nickname() != null) gateway.signOut()
    }

    private fun showWindow(gateway: AccountGateway) {
        val jvmStart = ManagementFactory.getRuntimeMXBean().startTime
        val autoExitMs = System.getProperty(AUTO_EXIT_PROPERTY)?.toLongOrNull()
        application(exitProcessOnExit = false) {
            Window(
                onCloseRequest = ::exitApplication,
                title = AppInfo.NAME,
                state = rememberWindowState(width = 960.dp, height = 640.dp, position = WindowPosition(Alignment.Center)),
            ) {
                var firstFrameDrawn by remember { mutableStateOf(false) }
                Box(
                    Modifier.fillMaxSize().drawWithContent {
                        drawContent()
                        if (!firstFrameDrawn) {
                            firstFrameDrawn = true
                            println("FIRST_FRAME ms since JVM start: ${System.currentTimeMillis() - jvmStart}")
                            System.out.flush()
                        }
                    },
                ) {
                    ThicketApp(gateway)
                }
                if (autoExitMs != null && firstFrameDrawn) {
                    LaunchedEffect(Unit) {
                        delay(autoExitMs)
                        exitApplication()
                    }
                }
            }
        }
    }

    companion object {
        const val AUTO_EXIT_PROPERTY = "thicket.autoExitMs"

        @JvmStatic
        fun main(args: Array<String>) = Main { dataDir -> NodeAccountGateway(dataDir, Transports.REAL) }.run(args)
    }
}
