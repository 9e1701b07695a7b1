package org.thicket.bramble.db;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.BufferUnderflowException;
import java.util.HashMap;
import java.util.Map;
import org.thicket.bramble.db.api.DbException;

/**
 * A message's metadata as the one value its row stores (schema 3): a 4-byte entry count, then per entry a 4-byte key
 * length, the key in UTF-8, a 4-byte value length and the value, all big-endian, keys in no particular order. Local
 * storage only, never sent; written and read by this class alone.
 */
final class MetadataEntries {

    private MetadataEntries() {
    }

    static byte[] encode(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeInt(out, entries.size());
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            writeBytes(out, e.getKey().getBytes(UTF_8));
            writeBytes(out, e.getValue());
        }
        return out.toByteArray();
    }

    /** @throws DbException if the bytes are not what {@link #encode} writes: the database is damaged */
    static Map<String, byte[]> decode(byte[] encoded) throws DbException {
        try {
            ByteBuffer in = ByteBuffer.wrap(encoded);
            int count = in.getInt();
            if (count < 0) throw new DbException("Damaged metadata: a negative entry count");
            Map<String, byte[]> entries = new HashMap<>();
            for (int i = 0; i < count; i++) entries.put(new String(readBytes(in), UTF_8), readBytes(in));
            if (in.hasRemaining()) throw new DbException("Damaged metadata: bytes after the last entry");
            return entries;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new DbException("Damaged metadata: it ends early or a length is wrong", e);
        }
    }

    private static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
        writeInt(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeInt(ByteArrayOutputStream out, int i) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(i).array());
    }

    private static byte[] readBytes(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return bytes;
    }
}
