package org.thicket.bramble.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.thicket.bramble.crypto.api.KeyPair;
import org.thicket.bramble.crypto.api.KeyType;
import org.thicket.bramble.crypto.api.PrivateKey;
import org.thicket.bramble.crypto.api.PublicKey;
import org.thicket.bramble.crypto.api.SecretKey;
import org.thicket.bramble.db.api.DbException;
import org.thicket.bramble.event.api.EventBus;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.identity.api.AuthorId;
import org.thicket.bramble.identity.api.Identity;
import org.thicket.bramble.identity.api.LocalAuthor;
import org.thicket.bramble.sync.api.ClientId;
import org.thicket.bramble.sync.api.Group;
import org.thicket.bramble.sync.api.GroupId;
import org.thicket.bramble.sync.api.Message;
import org.thicket.bramble.sync.api.MessageId;
import org.thicket.bramble.util.Bytes;

/** Builders for database tests. IDs are arbitrary bytes: the database does not check how they were derived. */
final class TestData {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestData() {
    }

    static byte[] randomBytes(int length) {
        byte[] b = new byte[length];
        RANDOM.nextBytes(b);
        return b;
    }

    static SecretKey randomKey() {
        return new SecretKey(randomBytes(SecretKey.LENGTH));
    }

    /** How many rows the table has. */
    static int count(DatabaseComponentImpl db, String table) throws DbException {
        return db.transactionWithResult(true, txn -> {
            try (Statement s = ((Connection) txn.unbox()).createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getInt(1);
            } catch (SQLException e) {
                throw new DbException(table, e);
            }
        });
    }

    static DatabaseComponentImpl database(Path dir, EventBus bus) {
        return new DatabaseComponentImpl(() -> dir, bus, System::currentTimeMillis);
    }

    static DatabaseComponentImpl database(Path dir, EventBus bus, List<Migration> migrations) {
        return new DatabaseComponentImpl(() -> dir, bus, System::currentTimeMillis, migrations);
    }

    /** A 32-byte ID whose first 8 bytes are {@code n}, the rest {@code tag}: distinct and reproducible. */
    static byte[] idBytes(long n, int tag) {
        byte[] id = new byte[32];
        Arrays.fill(id, (byte) tag);
        Bytes.writeInt64(n, id, 0);
        return id;
    }

    static Group group(long n) {
        return new Group(new GroupId(idBytes(n, 0x11)), new ClientId("org.thicket.test"), 0, randomBytes(10));
    }

    static Message message(Group group, long n, byte[] body) {
        return new Message(new MessageId(idBytes(n, 0x22)), group.getId(), 1_700_000_000_000L + n, body);
    }

    static Identity identity(String name) {
        Author author = new Author(new AuthorId(randomBytes(32)), Author.FORMAT_VERSION, name,
                new PublicKey(KeyType.SIGNATURE, randomBytes(32)));
        LocalAuthor localAuthor = new LocalAuthor(author, new PrivateKey(KeyType.SIGNATURE, randomBytes(32)));
        KeyPair handshake = new KeyPair(new PublicKey(KeyType.AGREEMENT, randomBytes(32)),
                new PrivateKey(KeyType.AGREEMENT, randomBytes(32)));
        return new Identity(localAuthor, handshake, 1_700_000_000_000L);
    }
}
