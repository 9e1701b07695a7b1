package org.thicket.messenger.ui

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.focus.FocusRequester
import androidx.compose.ui.focus.focusRequester
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.platform.testTag
import androidx.compose.ui.unit.dp

/** First start: pick a nickname and a password. [onCreate] takes ownership of the password bytes. */
@Composable
internal fun CreateAccountScreen(
    busyWith: String?,
    error: String?,
    onCreate: (nickname: String, password: ByteArray) -> Unit,
) {
    var nicknameText by remember { mutableStateOf("") }
    // A text field can only hold a String, so the typed password lives in one until it is submitted;
    // then it becomes bytes and the field is cleared at once, leaving the String to the GC.
    var password by remember { mutableStateOf("") }
    var confirmation by remember { mutableStateOf("") }
    val nickname = NicknameInput(nicknameText)
    val strength = PasswordStrength.of(password)
    val mismatch = confirmation.isNotEmpty() && confirmation != password
    val idle = busyWith == null
    val canCreate = idle && nickname.isValid && strength.isAcceptable && password == confirmation
    val submit = {
        if (canCreate) {
            val bytes = password.encodeToByteArray()
            password = ""
            confirmation = ""
            onCreate(nickname.nickname, bytes)
        }
    }
    val focus = remember { FocusRequester() }
    LaunchedEffect(Unit) { focus.requestFocus() }

    FormColumn(Tags.CREATE_ACCOUNT_SCREEN) {
        FormTitle(
            "Create account",
            "Your account is stored only on this computer, encrypted with your password. " +
                "Nobody can reset the password for you, so keep it safe.",
        )
        OutlinedTextField(
            value = nicknameText,
            onValueChange = { nicknameText = it },
            label = { Text("Nickname") },
            singleLine = true,
            enabled = idle,
            isError = nickname.isTooLong,
            supportingText = { NicknameHint(nickname) },
            modifier = Modifier.fillMaxWidth().focusRequester(focus).testTag(Tags.NICKNAME).submitOnEnter(submit),
        )
        PasswordField(
            value = password,
            onValueChange = { password = it },
            label = "Password",
            tag = Tags.PASSWORD,
            enabled = idle,
            onSubmit = submit,
            supportingText = { StrengthMeter(password.isEmpty(), strength) },
        )
        PasswordField(
            value = confirmation,
            onValueChange = { confirmation = it },
            label = "Confirm password",
            tag = Tags.CONFIRM_PASSWORD,
            enabled = idle,
            onSubmit = submit,
            isError = mismatch,
            supportingText = if (mismatch) {
                { Text("Passwords do not match", Modifier.testTag(Tags.PASSWORD_MISMATCH)) }
            } else {
                null
            },
        )
        error?.let { ErrorLine(it) }
        Button(onClick = submit, enabled = canCreate, modifier = Modifier.fillMaxWidth().testTag(Tags.CREATE)) {
            Text("Create account")
        }
        busyWith?.let { BusyLine(it) }
    }
}

@Composable
private fun NicknameHint(nickname: NicknameInput) {
    val max = NicknameInput.MAX_BYTES
    val text = if (nickname.isTooLong) {
        "Too long: ${nickname.bytes} of $max bytes (accented letters and emoji take more than one)"
    } else {
        "${nickname.bytes} / $max bytes"
    }
    Text(text, Modifier.testTag(Tags.NICKNAME_HINT))
}

@Composable
private fun StrengthMeter(empty: Boolean, strength: PasswordStrength) {
    if (empty) {
        Text("At least $MIN_PASSWORD_LENGTH characters")
        return
    }
    Column {
        LinearProgressIndicator(
            progress = { (strength.ordinal + 1) / PasswordStrength.entries.size.toFloat() },
            color = strengthColor(strength),
            modifier = Modifier.fillMaxWidth().padding(top = 4.dp, bottom = 2.dp),
        )
        Text(strength.label, Modifier.testTag(Tags.PASSWORD_STRENGTH))
    }
}

@Composable
private fun strengthColor(strength: PasswordStrength): Color = when (strength) {
    PasswordStrength.TOO_SHORT, PasswordStrength.WEAK -> MaterialTheme.colorScheme.error
    PasswordStrength.FAIR -> Color(0xFFB06D00)
    PasswordStrength.STRONG -> MaterialTheme.colorScheme.primary
}
