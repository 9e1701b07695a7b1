package org.thicket.bramble.data.api;

import org.thicket.bramble.util.FormatException;

/**
 * A BDF list (addressed by index) or dictionary (addressed by key) with the strict typed getters every protocol
 * parser uses. A getter throws {@link FormatException} naming the element or key when the value is missing or
 * has another type, so a parser can read a peer's message without a single cast or instanceof.
 *
 * <p>Plain getters require a value of the type; NULL is a wrong type for them. {@code getOptional...} getters
 * also accept NULL, and in a dictionary an absent key, and return Java {@code null} for both. In a list an
 * index outside the list is an error for both kinds. Raw getters return the stored array, not a copy.
 *
 * @param <K> {@code Integer} (list index) or {@code String} (dictionary key)
 */
public interface BdfContainer<K> {

    /** The value, which must be present; {@code null} if it is NULL. */
    Object getValue(K key) throws FormatException;

    /** The value, or {@code null} if it is NULL or (dictionary only) absent. */
    Object getOptionalValue(K key) throws FormatException;

    default boolean getBoolean(K key) throws FormatException {
        return required(key, BdfValues::toBoolean);
    }

    default Boolean getOptionalBoolean(K key) throws FormatException {
        return optional(key, BdfValues::toBoolean);
    }

    default long getLong(K key) throws FormatException {
        return required(key, BdfValues::toLong);
    }

    default Long getOptionalLong(K key) throws FormatException {
        return optional(key, BdfValues::toLong);
    }

    /** An INTEGER that must also fit in a Java int. */
    default int getInt(K key) throws FormatException {
        return required(key, BdfValues::toInt);
    }

    default Integer getOptionalInt(K key) throws FormatException {
        return optional(key, BdfValues::toInt);
    }

    default double getDouble(K key) throws FormatException {
        return required(key, BdfValues::toDouble);
    }

    default Double getOptionalDouble(K key) throws FormatException {
        return optional(key, BdfValues::toDouble);
    }

    default String getString(K key) throws FormatException {
        return getString(key, Integer.MAX_VALUE);
    }

    /** A STRING of at most {@code maxBytes} bytes in UTF-8 (the wire length, not the number of chars). */
    default String getString(K key, int maxBytes) throws FormatException {
        return required(key, (v, where) -> BdfValues.toText(v, where, maxBytes));
    }

    default String getOptionalString(K key) throws FormatException {
        return getOptionalString(key, Integer.MAX_VALUE);
    }

    default String getOptionalString(K key, int maxBytes) throws FormatException {
        return optional(key, (v, where) -> BdfValues.toText(v, where, maxBytes));
    }

    default byte[] getRaw(K key) throws FormatException {
        return getRaw(key, Integer.MAX_VALUE);
    }

    default byte[] getRaw(K key, int maxLength) throws FormatException {
        return required(key, (v, where) -> BdfValues.toRaw(v, where, 0, maxLength));
    }

    /** A RAW of exactly {@code length} bytes, such as a key, an ID or a signature. */
    default byte[] getRawOfLength(K key, int length) throws FormatException {
        return required(key, (v, where) -> BdfValues.toRaw(v, where, length, length));
    }

    default byte[] getOptionalRaw(K key) throws FormatException {
        return getOptionalRaw(key, Integer.MAX_VALUE);
    }

    default byte[] getOptionalRaw(K key, int maxLength) throws FormatException {
        return optional(key, (v, where) -> BdfValues.toRaw(v, where, 0, maxLength));
    }

    default BdfList getList(K key) throws FormatException {
        return required(key, BdfValues::toList);
    }

    default BdfList getOptionalList(K key) throws FormatException {
        return optional(key, BdfValues::toList);
    }

    default BdfDictionary getDictionary(K key) throws FormatException {
        return required(key, BdfValues::toDictionary);
    }

    default BdfDictionary getOptionalDictionary(K key) throws FormatException {
        return optional(key, BdfValues::toDictionary);
    }

    private <T> T required(K key, BdfValues.Conversion<T> conversion) throws FormatException {
        return conversion.convert(getValue(key), where(key));
    }

    private <T> T optional(K key, BdfValues.Conversion<T> conversion) throws FormatException {
        Object value = getOptionalValue(key);
        return value == null ? null : conversion.convert(value, where(key));
    }

    private String where(K key) {
        return key instanceof String ? "Key \"" + key + "\"" : "Element " + key;
    }
}
