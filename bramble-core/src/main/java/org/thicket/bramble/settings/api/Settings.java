package org.thicket.bramble.settings.api;

import java.util.HashMap;
import java.util.Map;

/**
 * An immutable string-to-string map with typed getters, stored per namespace in the database. Absent keys give the
 * caller's default; a present value of the wrong form is an error, not a silent default.
 */
public record Settings(Map<String, String> values) {

    public static final Settings EMPTY = new Settings(Map.of());

    public Settings {
        values = Map.copyOf(values);
    }

    public String get(String key) {
        return values.get(key);
    }

    public boolean containsKey(String key) {
        return values.containsKey(key);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String value = values.get(key);
        if (value == null) return defaultValue;
        if (value.equals("true")) return true;
        if (value.equals("false")) return false;
        throw malformed(key, "boolean");
    }

    public int getInt(String key, int defaultValue) {
        String value = values.get(key);
        if (value == null) return defaultValue;
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw malformed(key, "int");
        }
    }

    public long getLong(String key, long defaultValue) {
        String value = values.get(key);
        if (value == null) return defaultValue;
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw malformed(key, "long");
        }
    }

    public Settings with(String key, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(key, value);
        return new Settings(copy);
    }

    public Settings withBoolean(String key, boolean value) {
        return with(key, Boolean.toString(value));
    }

    public Settings withInt(String key, int value) {
        return with(key, Integer.toString(value));
    }

    public Settings withLong(String key, long value) {
        return with(key, Long.toString(value));
    }

    /** These settings overwritten by every entry of {@code update}. */
    public Settings merge(Settings update) {
        Map<String, String> copy = new HashMap<>(values);
        copy.putAll(update.values);
        return new Settings(copy);
    }

    private static IllegalArgumentException malformed(String key, String type) {
        // The value itself stays out of the message: settings may hold things worth not logging.
        return new IllegalArgumentException("Setting " + key + " is not a " + type);
    }
}
