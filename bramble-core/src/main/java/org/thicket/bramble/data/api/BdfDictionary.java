package org.thicket.bramble.data.api;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.thicket.bramble.util.FormatException;

/**
 * A BDF DICTIONARY: a mutable map from string keys to BDF values that iterates in key order, the order in
 * which they are encoded ({@link String#compareTo}, see specs/bdf.md). Java {@code null} is NULL, which is
 * different from an absent key ({@link #containsKey}); Integer, Short and Byte are stored as Long; other types
 * outside the model are refused with IllegalArgumentException. Change it through put, remove and clear: the
 * entry, key and value views are read-only. Equality compares raws by content.
 */
public final class BdfDictionary extends AbstractMap<String, Object> implements BdfContainer<String> {

    private final TreeMap<String, Object> entries = new TreeMap<>();

    public BdfDictionary() {
    }

    public BdfDictionary(Map<String, ?> values) {
        putAll(values);
    }

    /** Puts and returns this dictionary, for building one in a single expression. */
    public BdfDictionary with(String key, Object value) {
        put(key, value);
        return this;
    }

    @Override
    public Object put(String key, Object value) {
        Objects.requireNonNull(key, "A dictionary key cannot be null");
        return entries.put(key, BdfValues.checked(value));
    }

    @Override
    public Object get(Object key) {
        return entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Object remove(Object key) {
        return entries.remove(key);
    }

    @Override
    public void clear() {
        entries.clear();
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return Collections.unmodifiableMap(entries).entrySet(); // unmodifiableSet would leave Entry.setValue open
    }

    @Override
    public Object getValue(String key) throws FormatException {
        if (!entries.containsKey(key)) throw new FormatException("Key \"" + key + "\" is missing");
        return entries.get(key);
    }

    @Override
    public Object getOptionalValue(String key) {
        return entries.get(key);
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof Map<?, ?> other) || other.size() != entries.size()) return false;
        for (Entry<String, Object> e : entries.entrySet()) {
            if (!other.containsKey(e.getKey()) || !BdfValues.sameValue(e.getValue(), other.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (Entry<String, Object> e : entries.entrySet()) hash += e.getKey().hashCode() ^ BdfValues.valueHash(e.getValue());
        return hash;
    }

    @Override
    public String toString() {
        return entries.entrySet().stream()
                .map(e -> BdfValues.describe(e.getKey()) + ": " + BdfValues.describe(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
