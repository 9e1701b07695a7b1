package org.thicket.bramble.account.api;

import java.nio.file.Path;

/** Where the account keeps its files: the key files at the top, the database in {@code db/}. */
public record AccountConfig(Path dataDirectory) {

    public AccountConfig {
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
    }

    public Path databaseDirectory() {
        return dataDirectory.resolve("db");
    }
}
