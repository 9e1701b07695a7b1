package org.thicket.bramble.util;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A thread-safe map of at most {@code capacity} entries that forgets the least recently used one. Only for values
 * that never go stale: derived from their key alone, or from content that never changes once stored.
 */
public final class BoundedCache<K, V> {

    private final Map<K, V> entries;

    public BoundedCache(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("A cache needs room for an entry: " + capacity);
        entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached value, or null. */
    public synchronized V get(K key) {
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    public synchronized int size() {
        return entries.size();
    }
}
