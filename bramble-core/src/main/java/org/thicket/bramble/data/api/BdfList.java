package org.thicket.bramble.data.api;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;
import java.util.stream.Collectors;
import org.thicket.bramble.util.FormatException;

/**
 * A BDF LIST: an ordered, mutable list of BDF values. Java {@code null} is NULL; Integer, Short and Byte are
 * stored as Long; any other type outside the model is refused with IllegalArgumentException when added.
 * Equality compares raws by content.
 */
public final class BdfList extends AbstractList<Object> implements RandomAccess, BdfContainer<Integer> {

    private final List<Object> items = new ArrayList<>();

    public BdfList() {
    }

    public BdfList(Collection<?> values) {
        addAll(values);
    }

    /** A list of the given values, which may include {@code null} for NULL. */
    public static BdfList of(Object... values) {
        return new BdfList(Arrays.asList(values));
    }

    @Override
    public Object get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public Object set(int index, Object value) {
        return items.set(index, BdfValues.checked(value));
    }

    @Override
    public void add(int index, Object value) {
        items.add(index, BdfValues.checked(value));
        modCount++;
    }

    @Override
    public Object remove(int index) {
        modCount++;
        return items.remove(index);
    }

    @Override
    public Object getValue(Integer index) throws FormatException {
        if (index < 0 || index >= items.size()) {
            throw new FormatException("Element " + index + " is missing from a list of " + items.size());
        }
        return items.get(index);
    }

    @Override
    public Object getOptionalValue(Integer index) throws FormatException {
        return getValue(index);
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof List<?> other) || other.size() != items.size()) return false;
        for (int i = 0; i < items.size(); i++) {
            if (!BdfValues.sameValue(items.get(i), other.get(i))) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (Object item : items) hash = 31 * hash + BdfValues.valueHash(item);
        return hash;
    }

    @Override
    public String toString() {
        return items.stream().map(BdfValues::describe).collect(Collectors.joining(", ", "[", "]"));
    }
}
