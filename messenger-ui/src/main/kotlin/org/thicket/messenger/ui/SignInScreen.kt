package org.thicket.messenger.ui

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.Button
import androidx.compose.material3.ButtonDefaults
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.focus.FocusRequester
import androidx.compose.ui.focus.focusRequester
import androidx.compose.ui.platform.testTag

/** An account exists: unlock it, or delete it. [onSignIn] takes ownership of the password bytes. */
@Composable
internal fun SignInScreen(
    busyWith: String?,
    error: String?,
    onSignIn: (password: ByteArray) -> Unit,
    onDeleteAccount: () -> Unit,
) {
    // Held as a String only while typed (a text field cannot hold anything else); cleared on submit.
    var password by remember { mutableStateOf("") }
    var confirmingDelete by remember { mutableStateOf(false) }
    val idle = busyWith == null
    val canSignIn = idle && password.isNotEmpty()
    val submit = {
        if (canSignIn) {
            val bytes = password.encodeToByteArray()
            password = ""
            onSignIn(bytes)
        }
    }
    val focus = remember { FocusRequester() }
    // the field loses focus while disabled; give it back so a retry needs no click
    LaunchedEffect(idle) { if (idle) focus.requestFocus() }

    FormColumn(Tags.SIGN_IN_SCREEN) {
        FormTitle("Sign in", "Enter the password of your ${AppInfo.NAME} account.")
        PasswordField(
            value = password,
            onValueChange = { password = it },
            label = "Password",
            tag = Tags.PASSWORD,
            enabled = idle,
            onSubmit = submit,
            modifier = Modifier.focusRequester(focus),
        )
        error?.let { ErrorLine(it) }
        Button(onClick = submit, enabled = canSignIn, modifier = Modifier.fillMaxWidth().testTag(Tags.SIGN_IN)) {
            Text("Sign in")
        }
        busyWith?.let { BusyLine(it) }
        Text(
            "Forgot your password? It cannot be recovered; you can only delete this account and start again.",
            style = MaterialTheme.typography.bodySmall,
            color = MaterialTheme.colorScheme.onSurfaceVariant,
        )
        TextButton(
            onClick = { confirmingDelete = true },
            enabled = idle,
            colors = ButtonDefaults.textButtonColors(contentColor = MaterialTheme.colorScheme.error),
            modifier = Modifier.testTag(Tags.DELETE_ACCOUNT),
        ) {
            Text("Delete account")
        }
    }
    if (confirmingDelete) {
        DeleteAccountDialog(
            onConfirm = {
                confirmingDelete = false
                onDeleteAccount()
            },
            onDismiss = { confirmingDelete = false },
        )
    }
}

@Composable
private fun DeleteAccountDialog(onConfirm: () -> Unit, onDismiss: () -> Unit) {
    AlertDialog(
        onDismissRequest = onDismiss,
        title = { Text("Delete account?") },
        text = {
            Text(
                "This deletes your identity, contacts and messages from this computer. " +
                    "It cannot be undone, and your contacts will have to add you again.",
            )
        },
        confirmButton = {
            Button(
                onClick = onConfirm,
                colors = ButtonDefaults.buttonColors(containerColor = MaterialTheme.colorScheme.error),
                modifier = Modifier.testTag(Tags.DELETE_CONFIRM),
            ) {
                Text("Delete")
            }
        },
        dismissButton = {
            TextButton(onClick = onDismiss, modifier = Modifier.testTag(Tags.DELETE_CANCEL)) { Text("Cancel") }
        },
        modifier = Modifier.testTag(Tags.DELETE_DIALOG),
    )
}
