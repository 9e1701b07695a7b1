package org.thicket.bramble.plugin.api;

import java.util.HashMap;
import java.util.Map;

/**
 * How to reach a device over one transport (an onion address, IP addresses and ports, a Bluetooth address and
 * UUID): an immutable string-to-string map, published to contacts. At most {@value #MAX_PROPERTIES} entries; keys
 * are 1 to {@value #MAX_PROPERTY_LENGTH} characters, values 0 to {@value #MAX_PROPERTY_LENGTH}. The limits are
 * checked on construction, so properties that exist are within them.
 */
public record TransportProperties(Map<String, String> values) {

    public static final int MAX_PROPERTIES = 100;
    public static final int MAX_PROPERTY_LENGTH = 100;

    public static final TransportProperties EMPTY = new TransportProperties(Map.of());

    /** @throws IllegalArgumentException if a limit is exceeded; NullPointerException for a null key or value */
    public TransportProperties {
        values = Map.copyOf(values);
        if (values.size() > MAX_PROPERTIES) {
            throw new IllegalArgumentException("At most " + MAX_PROPERTIES + " transport properties, not "
                    + values.size());
        }
        values.forEach(TransportProperties::checkEntry);
    }

    private static void checkEntry(String key, String value) {
        if (key.isEmpty() || key.length() > MAX_PROPERTY_LENGTH) {
            throw new IllegalArgumentException("A transport property key is 1 to " + MAX_PROPERTY_LENGTH
                    + " characters, not " + key.length());
        }
        if (value.length() > MAX_PROPERTY_LENGTH) {
            // Only the key: the value may be an address worth not logging.
            throw new IllegalArgumentException("The value of transport property " + key + " is over "
                    + MAX_PROPERTY_LENGTH + " characters");
        }
    }

    public String get(String key) {
        return values.get(key);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public TransportProperties with(String key, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(key, value);
        return new TransportProperties(copy);
    }

    /** These properties overwritten by every entry of {@code update}; the result is checked against the limits. */
    public TransportProperties merge(TransportProperties update) {
        Map<String, String> copy = new HashMap<>(values);
        copy.putAll(update.values);
        return new TransportProperties(copy);
    }
}
