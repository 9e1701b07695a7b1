package org.thicket.messenger.ui

import java.nio.file.Path

/**
 * Where the account lives. First match wins: `--data-dir DIR` (or `--data-dir=DIR`) on the command
 * line, the system property `thicket.dataDir`, `$XDG_DATA_HOME/thicket`, `~/.local/share/thicket`.
 */
object DataDirectory {
    const val OPTION = "--data-dir"
    const val PROPERTY = "thicket.dataDir"
    private const val APP_DIRECTORY = "thicket"

    /** The data directory for this process's arguments, system properties and environment. */
    fun of(args: List<String>): Path =
        resolve(args, System.getProperty(PROPERTY), System.getenv("XDG_DATA_HOME"), System.getProperty("user.home"))

    /** @throws IllegalArgumentException for an argument other than `--data-dir`, or one without a value */
    fun resolve(args: List<String>, property: String?, xdgDataHome: String?, userHome: String): Path {
        val chosen = optionValue(args) ?: property?.takeIf { it.isNotBlank() }
        if (chosen != null) return Path.of(chosen).toAbsolutePath().normalize()
        return dataHome(xdgDataHome, userHome).resolve(APP_DIRECTORY)
    }

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

    /** The XDG base directory spec says to ignore an empty or relative XDG_DATA_HOME. */
    private fun dataHome(xdgDataHome: String?, userHome: String): Path {
        val xdg = xdgDataHome?.takeIf { it.isNotEmpty() }?.let { Path.of(it) }
        if (xdg != null && xdg.isAbsolute) return xdg
        return Path.of(userHome, ".local", "share")
    }
}
