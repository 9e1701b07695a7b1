package org.thicket.bramble.db.api;

import java.nio.file.Path;

/** Where the database lives; the app binds it. */
@FunctionalInterface
public interface DatabaseConfig {

    /** The directory holding the database files, e.g. {@code <dataDir>/db}; created on first open. */
    Path getDatabaseDirectory();
}
