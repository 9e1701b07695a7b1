package org.thicket.messenger.ui

import java.nio.file.Path
import org.thicket.messenger.node.DataDirectories

/** The app's only command-line option, `--data-dir DIR` (or `--data-dir=DIR`); the rest is [DataDirectories]. */
object DataDirectory {
    const val OPTION = "--data-dir"

    /** The data directory for this process's arguments, system properties and environment. */
    fun of(args: List<String>): Path = DataDirectories.resolve(optionValue(args))

    /** @throws IllegalArgumentException for an argument other than `--data-dir`, or one without a value */
    fun resolve(args: List<String>, property: String?, xdgDataHome: String?, userHome: String): Path =
        DataDirectories.resolve(optionValue(args), property, xdgDataHome, userHome)

    private fun optionValue(args: List<String>): String? {
        if (args.isEmpty()) return null
        val value = when {
            args.size == 2 && args[0] == OPTION -> args[1]
            args.size == 1 && args[0].startsWith("$OPTION=") -> args[0].substringAfter('=')
            else -> throw IllegalArgumentException("Usage: thicket [$OPTION DIR], not: ${args.joinToString(" ")}")
        }
        require(value.isNotBlank()) { "$OPTION needs a directory" }
        return value
    }
}
