package org.thicket.bramble.sync.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The metadata of a group or message: string keys mapped to BDF-encoded values, which the database stores
 * without looking inside. Immutable. Because a BDF value is never empty, an empty value is free to mean "remove
 * this key" when metadata is merged into what is stored ({@link #withRemoved}).
 */
public final class Metadata {

    public static final Metadata EMPTY = new Metadata(Map.of());

    private final Map<String, byte[]> entries;

    public Metadata(Map<String, byte[]> entries) {
        Map<String, byte[]> copy = new HashMap<>();
        entries.forEach((k, v) -> copy.put(Objects.requireNonNull(k), v.clone()));
        this.entries = copy;
    }

    /** A copy of the value, or null if the key is absent. */
    public byte[] get(String key) {
        byte[] value = entries.get(key);
        return value == null ? null : value.clone();
    }

    public boolean containsKey(String key) {
        return entries.containsKey(key);
    }

    public Set<String> keys() {
        return Collections.unmodifiableSet(entries.keySet());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public Metadata with(String key, byte[] value) {
        Map<String, byte[]> copy = new HashMap<>(entries);
        copy.put(key, value);
        return new Metadata(copy);
    }

    /** Metadata that, merged into stored metadata, removes {@code key}: the key with an empty value. */
    public Metadata withRemoved(String key) {
        return with(key, new byte[0]);
    }

    /** Whether every entry of {@code query} is here with an equal value. */
    public boolean includes(Metadata query) {
        for (Map.Entry<String, byte[]> e : query.entries.entrySet()) {
            if (!Arrays.equals(entries.get(e.getKey()), e.getValue())) return false;
        }
        return true;
    }

    /** A copy of the entries. */
    public Map<String, byte[]> toMap() {
        Map<String, byte[]> copy = new HashMap<>();
        entries.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metadata m && m.entries.size() == entries.size() && includes(m);
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            h += e.getKey().hashCode() ^ Arrays.hashCode(e.getValue());
        }
        return h;
    }

    /** Keys only: values may be private. */
    @Override
    public String toString() {
        return "Metadata" + entries.keySet();
    }
}
