package org.thicket.bramble.contactexchange;

import java.util.HashMap;
import java.util.Map;
import org.thicket.bramble.client.api.ClientHelper;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.identity.api.Author;
import org.thicket.bramble.plugin.api.TransportId;
import org.thicket.bramble.plugin.api.TransportProperties;
import org.thicket.bramble.util.FormatException;

/**
 * The payload of a CONTACT_INFO record: the BDF list {@code [author, properties, signature, timestamp]}, where
 * author is {@code [formatVersion, name, publicKey]} and properties map transport IDs to string maps.
 */
record ContactInfo(Author author, Map<TransportId, TransportProperties> properties, byte[] signature,
        long timestamp) {

    static final int SIGNATURE_LENGTH = 64;
    /** More transports than any peer has; bounds what we store for a hostile one. */
    static final int MAX_TRANSPORTS = 32;
    private static final int FIELDS = 4;

    ContactInfo {
        properties = Map.copyOf(properties);
        signature = signature.clone();
    }

    BdfList toList(ClientHelper clientHelper) {
        BdfDictionary dictionary = new BdfDictionary();
        properties.forEach((t, p) -> dictionary.put(t.value(), new BdfDictionary(p.values())));
        return BdfList.of(clientHelper.toList(author), dictionary, signature, timestamp);
    }

    /** Parses a peer's contact info; every limit is checked, the signature is not (the caller verifies it). */
    static ContactInfo parse(BdfList list, ClientHelper clientHelper) throws FormatException {
        if (list.size() != FIELDS) {
            throw new FormatException("Contact info has " + FIELDS + " elements, not " + list.size());
        }
        Author author = clientHelper.parseAndValidateAuthor(list.getList(0));
        Map<TransportId, TransportProperties> properties = parseProperties(list.getDictionary(1));
        byte[] signature = list.getRawOfLength(2, SIGNATURE_LENGTH);
        long timestamp = list.getLong(3);
        if (timestamp < 0) throw new FormatException("Negative timestamp " + timestamp);
        return new ContactInfo(author, properties, signature, timestamp);
    }

    private static Map<TransportId, TransportProperties> parseProperties(BdfDictionary dictionary)
            throws FormatException {
        if (dictionary.size() > MAX_TRANSPORTS) {
            throw new FormatException("Properties of " + dictionary.size() + " transports, over " + MAX_TRANSPORTS);
        }
        Map<TransportId, TransportProperties> properties = new HashMap<>();
        for (String transport : dictionary.keySet()) {
            BdfDictionary values = dictionary.getDictionary(transport);
            if (values.size() > TransportProperties.MAX_PROPERTIES) {
                throw new FormatException(values.size() + " properties for one transport, over "
                        + TransportProperties.MAX_PROPERTIES);
            }
            Map<String, String> strings = new HashMap<>();
            for (String key : values.keySet()) strings.put(key, values.getString(key));
            try {
                properties.put(new TransportId(transport), new TransportProperties(strings));
            } catch (IllegalArgumentException e) {
                throw new FormatException("Bad transport properties: " + e.getMessage(), e);
            }
        }
        return properties;
    }
}
