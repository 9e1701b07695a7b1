package org.thicket.messenger.node;

import java.nio.file.Path;

/**
 * Where an account lives, the same rule for every front end. First match wins: the directory the user named
 * (a {@code --data-dir} option), the system property {@code thicket.dataDir}, {@code $XDG_DATA_HOME/thicket},
 * {@code ~/.local/share/thicket}.
 */
public final class DataDirectories {

    public static final String PROPERTY = "thicket.dataDir";
    private static final String APP_DIRECTORY = "thicket";

    private DataDirectories() {
    }

    /** @param named the directory the user named, or null */
    public static Path resolve(String named) {
        return resolve(named, System.getProperty(PROPERTY), System.getenv("XDG_DATA_HOME"),
                System.getProperty("user.home"));
    }

    public static Path resolve(String named, String property, String xdgDataHome, String userHome) {
        if (named != null && !named.isBlank()) return absolute(named);
        if (property != null && !property.isBlank()) return absolute(property);
        return dataHome(xdgDataHome, userHome).resolve(APP_DIRECTORY);
    }

    private static Path absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }

    /** The XDG base directory spec says to ignore an empty or relative XDG_DATA_HOME. */
    private static Path dataHome(String xdgDataHome, String userHome) {
        if (xdgDataHome != null && !xdgDataHome.isEmpty() && Path.of(xdgDataHome).isAbsolute()) {
            return Path.of(xdgDataHome);
        }
        return Path.of(userHome, ".local", "share");
    }
}
