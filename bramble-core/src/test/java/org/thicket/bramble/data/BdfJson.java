package org.thicket.bramble.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.Set;
import org.thicket.bramble.data.api.BdfDictionary;
import org.thicket.bramble.data.api.BdfList;
import org.thicket.bramble.util.Bytes;

/** The JSON representation of BDF values and encodings used by specs/vectors/bdf-*.json (specs/bdf.md). */
final class BdfJson {

    private BdfJson() {
    }

    static Object toValue(JsonNode json) {
        if (json.isNull()) return null;
        if (json.isBoolean()) return json.booleanValue();
        Map.Entry<String, JsonNode> tagged = onlyField(json);
        JsonNode body = tagged.getValue();
        return switch (tagged.getKey()) {
            case "int" -> Long.parseLong(body.textValue());
            case "floatBits" -> Double.longBitsToDouble(Long.parseUnsignedLong(body.textValue(), 16));
            case "string" -> body.isTextual() ? body.textValue() : body.get("repeat").textValue().repeat(count(body));
            case "raw" -> body.isTextual() ? Bytes.fromHex(body.textValue()) : repeatHex(body);
            case "list" -> toList(body);
            case "dict" -> toDictionary(body);
            default -> throw new IllegalArgumentException("Unknown value tag " + tagged.getKey());
        };
    }

    /** The expected bytes: {@code encodingHex}, or the concatenation of {@code encodingHexParts}. */
    static byte[] encoding(JsonNode vector) {
        if (vector.has("encodingHex")) return Bytes.fromHex(vector.get("encodingHex").textValue());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (JsonNode part : vector.get("encodingHexParts")) {
            out.writeBytes(part.isTextual() ? Bytes.fromHex(part.textValue()) : repeatHex(part));
        }
        return out.toByteArray();
    }

    private static BdfList toList(JsonNode items) {
        BdfList list = new BdfList();
        items.forEach(item -> list.add(toValue(item)));
        return list;
    }

    private static BdfDictionary toDictionary(JsonNode fields) {
        BdfDictionary dictionary = new BdfDictionary();
        fields.properties().forEach(e -> dictionary.put(e.getKey(), toValue(e.getValue())));
        return dictionary;
    }

    private static byte[] repeatHex(JsonNode rule) {
        return Bytes.fromHex(rule.get("repeatHex").textValue().repeat(count(rule)));
    }

    private static int count(JsonNode rule) {
        return rule.get("count").intValue();
    }

    private static Map.Entry<String, JsonNode> onlyField(JsonNode json) {
        Set<Map.Entry<String, JsonNode>> fields = json.properties();
        if (fields.size() != 1) throw new IllegalArgumentException("A tagged value has one field: " + json);
        return fields.iterator().next();
    }
}
