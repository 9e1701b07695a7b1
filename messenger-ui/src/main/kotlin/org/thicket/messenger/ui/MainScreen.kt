package org.thicket.messenger.ui

import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxHeight
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.width
import androidx.compose.material3.HorizontalDivider
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.NavigationDrawerItem
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Surface
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.dp

internal enum class Section(val label: String, val tag: String) {
    CONTACTS("Contacts", Tags.NAV_CONTACTS),
    SETTINGS("Settings", Tags.NAV_SETTINGS),
    ABOUT("About", Tags.NAV_ABOUT),
}

/** The signed-in shell: our nickname and Sign out on top, the sections on the left. */
@Composable
internal fun MainScreen(nickname: String, busyWith: String?, error: String?, onSignOut: () -> Unit) {
    var section by remember { mutableStateOf(Section.CONTACTS) }
    Column(Modifier.fillMaxSize().testTag(Tags.MAIN_SCREEN)) {
        TopBar(nickname, busyWith, error, onSignOut)
        HorizontalDivider()
        Row(Modifier.fillMaxSize()) {
            Sidebar(section, onSelect = { section = it })
            Box(Modifier.fillMaxSize().padding(24.dp)) {
                when (section) {
                    Section.CONTACTS -> ContactsPane()
                    Section.SETTINGS -> SettingsPane()
                    Section.ABOUT -> AboutPane()
                }
            }
        }
    }
}

@Composable
private fun TopBar(nickname: String, busyWith: String?, error: String?, onSignOut: () -> Unit) {
    Surface(color = MaterialTheme.colorScheme.primaryContainer) {
        Row(
            Modifier.fillMaxWidth().padding(horizontal = 20.dp, vertical = 10.dp),
            horizontalArrangement = Arrangement.spacedBy(16.dp),
            verticalAlignment = Alignment.CenterVertically,
        ) {
            Text(AppInfo.NAME, style = MaterialTheme.typography.titleLarge)
            Spacer(Modifier.weight(1f))
            busyWith?.let { BusyLine(it) }
            error?.let { ErrorLine(it) }
            Text(nickname, style = MaterialTheme.typography.titleMedium, modifier = Modifier.testTag(Tags.OUR_NICKNAME))
            OutlinedButton(onClick = onSignOut, enabled = busyWith == null, modifier = Modifier.testTag(Tags.SIGN_OUT)) {
                Text("Sign out")
            }
        }
    }
}

@Composable
private fun Sidebar(selected: Section, onSelect: (Section) -> Unit) {
    Column(
        Modifier.width(200.dp).fillMaxHeight().background(MaterialTheme.colorScheme.surfaceContainer).padding(12.dp),
        verticalArrangement = Arrangement.spacedBy(4.dp),
    ) {
        Section.entries.forEach { section ->
            NavigationDrawerItem(
                label = { Text(section.label) },
                selected = section == selected,
                onClick = { onSelect(section) },
                modifier = Modifier.testTag(section.tag),
            )
        }
    }
}

@Composable
private fun ContactsPane() {
    Column {
        Text(Section.CONTACTS.label, style = MaterialTheme.typography.headlineSmall)
        Box(Modifier.fillMaxSize(), contentAlignment = Alignment.Center) {
            // Adding contacts (QR code, link) comes with the contact screens.
            Text(
                "No contacts yet. Add a contact by QR code or by link.",
                style = MaterialTheme.typography.bodyLarge,
                color = MaterialTheme.colorScheme.onSurfaceVariant,
                textAlign = TextAlign.Center,
                modifier = Modifier.testTag(Tags.CONTACTS_EMPTY),
            )
        }
    }
}

@Composable
private fun SettingsPane() {
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        Text(Section.SETTINGS.label, style = MaterialTheme.typography.headlineSmall)
        Text("Nothing to set yet.", color = MaterialTheme.colorScheme.onSurfaceVariant)
    }
}

@Composable
private fun AboutPane() {
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        Text(AppInfo.NAME, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.testTag(Tags.ABOUT_NAME))
        Text("Version ${AppInfo.version}", modifier = Modifier.testTag(Tags.ABOUT_VERSION))
        Text(
            "A private messenger that works without servers and speaks the Briar protocols.",
            color = MaterialTheme.colorScheme.onSurfaceVariant,
        )
    }
}
