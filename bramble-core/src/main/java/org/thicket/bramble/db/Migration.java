package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Upgrades the stored schema from {@link #startVersion()} to {@link #endVersion()}. Runs inside the opening
 * transaction; note that H2 commits each DDL statement by itself, so a migration that alters tables must be safe to
 * run again if the app dies half-way through it.
 */
interface Migration {

    int startVersion();

    int endVersion();

    void migrate(Connection connection) throws SQLException;
}
