package org.thicket.bramble.properties;

import java.util.HashMap;
import java.util.Map;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.util.FormatException;

/**
 * The body of a transport-properties message, {@code [transportId, version, properties]}: the sender's whole set of
 * properties for one transport, numbered among the sender's sets for that transport (specs/clients/properties.md).
 */
record PropertiesUpdate(TransportId transportId, long version, TransportProperties properties) {

    private static final int FIELDS = 3;

    PropertiesUpdate {
        if (version < 0) throw new IllegalArgumentException("Versions are not negative");
    }

    BdfList toList() {
        return BdfList.of(transportId.value(), version, new BdfDictionary(properties.values()));
    }

    /** Applies the format rules of specs/clients/properties.md section 4, in their order. */
    static PropertiesUpdate parse(BdfList body) throws FormatException {
        if (body.size() != FIELDS) throw new FormatException("An update has " + FIELDS + " elements, not " + body.size());
        String transportId = body.getString(0, TransportId.MAX_LENGTH);
        if (transportId.isEmpty()) throw new FormatException("Empty transport ID");
        long version = body.getLong(1);
        if (version < 0) throw new FormatException("Negative version " + version);
        BdfDictionary dictionary = body.getDictionary(2);
        if (dictionary.size() > TransportProperties.MAX_PROPERTIES) {
            throw new FormatException("At most " + TransportProperties.MAX_PROPERTIES + " properties, not "
                    + dictionary.size());
        }
        Map<String, String> values = new HashMap<>();
        for (String key : dictionary.keySet()) values.put(key, dictionary.getString(key));
        try {
            // The length limits are TransportProperties' own, so nothing we accept is refused later.
            return new PropertiesUpdate(new TransportId(transportId), version, new TransportProperties(values));
        } catch (IllegalArgumentException e) {
            throw new FormatException(e.getMessage(), e);
        }
    }
}
