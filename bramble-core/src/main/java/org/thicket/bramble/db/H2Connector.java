package org.thicket.bramble.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.h2.api.ErrorCode;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.db.api.WrongDatabaseKeyException;
import org.thicket.bramble.util.Bytes;

/**
 * Opens connections to the encrypted H2 (2.3) database {@code <dir>/db.mv.db}. The URL settings and why:
 * <ul>
 * <li>{@code CIPHER=AES}: H2 encrypts the whole file (AES in XTS mode, keyed by PBKDF2 of the "file password" and a
 * per-file salt). The file password is the hex of our 32-byte key.</li>
 * <li>{@code WRITE_DELAY=0}: in H2 2.x this is the MVStore auto-commit delay. At 0 there is no background writer;
 * instead each transaction that changed data writes its chunk to the file synchronously when it commits, before
 * {@code commit()} returns. The bytes are then in the operating system, so killing the JVM (even with SIGKILL)
 * loses no acknowledged commit. (Power loss can: H2 does not fsync each commit.) The default, 500 ms, would keep up
 * to half a second of commits only in the JVM.</li>
 * <li>{@code QUERY_CACHE_SIZE=256}: each connection keeps its parsed statements. The default, 8, is fewer than the
 * statements one sync round uses, so every statement was parsed and planned again (12 % of the sync path's CPU).</li>
 * <li>{@code CACHE_SIZE=65536}: 64 MiB of decrypted pages, so that writes find the pages they change in memory
 * instead of reading and decrypting them again.</li>
 * <li>{@code MAX_LENGTH_INPLACE_LOB=65536}: a message (at most 32 KiB and its header) is stored in its row. At the
 * default, 256 bytes, every message went through H2's separate LOB storage, several more maps per write and
 * read.</li>
 * <li>{@code DB_CLOSE_ON_EXIT=FALSE}: no H2 shutdown hook racing our own close; the clean-shutdown flag then tells
 * truthfully whether our close ran.</li>
 * <li>{@code TRACE_LEVEL_FILE=0}: no {@code db.trace.db}. It would be plaintext next to the encrypted file, and H2
 * would write it even when an open fails for a wrong key.</li>
 * <li>{@code IFEXISTS=TRUE} when the file should exist, so that a vanished file is an error rather than a new, empty
 * database.</li>
 * </ul>
 * The password goes to H2 as a char[] ({@code "<file password> <user password>"}), built afresh for every
 * connection (H2 zeroes the array it is given) and wiped by us too; the key never becomes a String.
 */
final class H2Connector {

    static final String FILE_NAME = "db.mv.db";

    private static final String SETTINGS = ";CIPHER=AES;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0"
            + ";QUERY_CACHE_SIZE=256;CACHE_SIZE=65536;MAX_LENGTH_INPLACE_LOB=65536";
    private static final String USER = "thicket";
    // The user password guards nothing: whoever can decrypt the file can read it. H2 just requires one.
    private static final char[] USER_PASSWORD = "thicket".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Path directory;
    private final Driver driver = new org.h2.Driver();

    H2Connector(Path directory) {
        if (directory.toString().indexOf(';') >= 0) {
            throw new IllegalArgumentException("A ';' in the database directory would end the JDBC URL: " + directory);
        }
        this.directory = directory.toAbsolutePath();
    }

    Path directory() {
        return directory;
    }

    boolean databaseExists() {
        return Files.exists(directory.resolve(FILE_NAME));
    }

    /**
     * Opens {@code count} connections with autocommit off, creating the database if {@code create}. On failure
     * closes those already opened.
     */
    List<Connection> connect(SecretKey key, boolean create, int count) throws DbException {
        List<Connection> connections = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) connections.add(connectOnce(key, create && i == 0));
            return connections;
        } catch (SQLException e) {
            Jdbc.closeAll(connections);
            throw translate(e);
        }
    }

    private Connection connectOnce(SecretKey key, boolean create) throws SQLException {
        String url = "jdbc:h2:file:" + directory.resolve("db") + SETTINGS + (create ? "" : ";IFEXISTS=TRUE");
        char[] password = password(key);
        Properties properties = new Properties();
        properties.put("user", USER);
        properties.put("password", password);
        try {
            Connection c = driver.connect(url, properties);
            c.setAutoCommit(false);
            return c;
        } finally {
            Bytes.wipe(password);
            properties.clear();
        }
    }

    /** "<hex of key> <user password>", the form H2 expects when CIPHER is set. */
    private static char[] password(SecretKey key) {
        byte[] k = key.getBytes();
        try {
            char[] password = new char[2 * k.length + 1 + USER_PASSWORD.length];
            for (int i = 0; i < k.length; i++) {
                password[2 * i] = HEX[(k[i] >>> 4) & 0xF];
                password[2 * i + 1] = HEX[k[i] & 0xF];
            }
            password[2 * k.length] = ' ';
            System.arraycopy(USER_PASSWORD, 0, password, 2 * k.length + 1, USER_PASSWORD.length);
            return password;
        } finally {
            Bytes.wipe(k);
        }
    }

    private DbException translate(SQLException e) {
        return switch (e.getErrorCode()) {
            // H2 cannot tell a wrong key from a damaged file: both fail to decrypt the header.
            case ErrorCode.FILE_ENCRYPTION_ERROR_1 -> new WrongDatabaseKeyException(
                    "The key does not decrypt the database in " + directory + " (wrong key, or damaged files)", e);
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> new DbException(
                    "The database in " + directory + " is in use by another process", e);
            case ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1 -> new DbException(
                    "The database file in " + directory + " vanished while opening it", e);
            default -> new DbException("Could not open the database in " + directory, e);
        };
    }
}
