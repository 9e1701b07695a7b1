package org.thicket.messenger.ui

import java.nio.file.Path
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test

class DataDirectoryTest {

    private val home = "/home/zoe"

    @Test
    fun defaultsToTheXdgDataHomeFallback() {
        assertThat(DataDirectory.resolve(emptyList(), null, null, home)).isEqualTo(Path.of("/home/zoe/.local/share/thicket"))
    }

    @Test
    fun usesAnAbsoluteXdgDataHomeAndIgnoresEmptyOrRelativeOnes() {
        assertThat(DataDirectory.resolve(emptyList(), null, "/data", home)).isEqualTo(Path.of("/data/thicket"))
        assertThat(DataDirectory.resolve(emptyList(), null, "", home)).isEqualTo(Path.of("/home/zoe/.local/share/thicket"))
        assertThat(DataDirectory.resolve(emptyList(), null, "rel", home)).isEqualTo(Path.of("/home/zoe/.local/share/thicket"))
    }

    @Test
    fun systemPropertyBeatsTheEnvironment() {
        assertThat(DataDirectory.resolve(emptyList(), "/prop/dir", "/data", home)).isEqualTo(Path.of("/prop/dir"))
    }

    @Test
    fun commandLineBeatsEverything() {
        assertThat(DataDirectory.resolve(listOf("--data-dir", "/cli"), "/prop", "/data", home)).isEqualTo(Path.of("/cli"))
        assertThat(DataDirectory.resolve(listOf("--data-dir=/cli/x/../y"), "/prop", "/data", home)).isEqualTo(Path.of("/cli/y"))
    }

    @Test
    fun rejectsUnknownArgumentsAndAMissingValue() {
        assertThatThrownBy { DataDirectory.resolve(listOf("--verbose"), null, null, home) }
            .isInstanceOf(IllegalArgumentException::class.java).hasMessageContaining("Usage")
        assertThatThrownBy { DataDirectory.resolve(listOf("--data-dir"), null, null, home) }
            .isInstanceOf(IllegalArgumentException::class.java)
        assertThatThrownBy { DataDirectory.resolve(listOf("--data-dir="), null, null, home) }
            .isInstanceOf(IllegalArgumentException::class.java).hasMessageContaining("needs a directory")
    }
}
