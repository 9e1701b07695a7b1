package org.thicket.bramble.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What the database's catalogue says about its tables, and one-statement DDL: for migrations, which must find where
 * a previous run stopped (H2 commits each DDL statement by itself). Names are matched as H2 stores them, upper case.
 */
final class Catalog {

    private Catalog() {
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"
                + " AND TABLE_NAME = ?", table) > 0;
    }

    static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'"
                + " AND TABLE_NAME = ? AND COLUMN_NAME = ?", table, column) > 0;
    }

    /** Drops the single-column foreign key on {@code table.column}, and with it the index H2 made for it, if any. */
    static void dropForeignKey(Connection c, String table, String column) throws SQLException {
        String name = foreignKeyOn(c, table, column);
        if (name != null) execute(c, "ALTER TABLE " + table + " DROP CONSTRAINT \"" + name + "\"");
    }

    /** The name of the single-column foreign key on {@code table.column}, or null if there is none. */
    private static String foreignKeyOn(Connection c, String table, String column) throws SQLException {
        String sql = """
                SELECT tc.CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
                JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k
                    ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
                WHERE tc.TABLE_SCHEMA = 'PUBLIC' AND tc.TABLE_NAME = ? AND tc.CONSTRAINT_TYPE = 'FOREIGN KEY'
                GROUP BY tc.CONSTRAINT_NAME
                HAVING COUNT(*) = 1 AND MAX(k.COLUMN_NAME) = ?""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table.toUpperCase(Locale.ROOT));
            ps.setString(2, column.toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int count(Connection c, String sql, String... names) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < names.length; i++) ps.setString(i + 1, names[i].toUpperCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
