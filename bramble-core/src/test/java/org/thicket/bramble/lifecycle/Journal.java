package org.thicket.bramble.lifecycle;

import java.util.ArrayList;
import java.util.List;

/** One ordered record of what the fakes saw, shared by the database, hooks and services of a test. */
final class Journal {

    private final List<String> entries = new ArrayList<>();

    synchronized void add(String entry) {
        entries.add(entry);
    }

    synchronized List<String> entries() {
        return List.copyOf(entries);
    }
}
