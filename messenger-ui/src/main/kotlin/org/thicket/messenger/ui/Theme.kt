package org.thicket.messenger.ui

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.graphics.Color

private val thicketColors = lightColorScheme(
    primary = Color(0xFF2E6A3C),
    onPrimary = Color.White,
    primaryContainer = Color(0xFFB2F1B8),
    onPrimaryContainer = Color(0xFF00210A),
    secondaryContainer = Color(0xFFD3E8D3),
    onSecondaryContainer = Color(0xFF0F1F11),
    background = Color(0xFFF8FAF5),
    surface = Color(0xFFF8FAF5),
    surfaceVariant = Color(0xFFDDE5DA),
    surfaceContainerLowest = Color.White,
    surfaceContainerLow = Color(0xFFF2F5EE),
    surfaceContainer = Color(0xFFECF1E8),
    surfaceContainerHigh = Color(0xFFE6EBE2),
    surfaceContainerHighest = Color(0xFFE0E5DC),
    outline = Color(0xFF717970),
    outlineVariant = Color(0xFFC1C9BE),
)

@Composable
internal fun ThicketTheme(content: @Composable () -> Unit) = MaterialTheme(colorScheme = thicketColors, content = content)
