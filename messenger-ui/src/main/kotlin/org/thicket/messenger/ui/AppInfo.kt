package org.thicket.messenger.ui

import java.util.Properties

internal object AppInfo {
    const val NAME = "Thicket"

    /** The Maven project version, filtered into version.properties at build time. */
    val version: String by lazy {
        val properties = Properties()
        AppInfo::class.java.getResourceAsStream("version.properties")?.use(properties::load)
        properties.getProperty("version", "unknown")
    }
}
