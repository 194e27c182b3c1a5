package io.dashshare.inmemory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The tables of one {@link InMemoryPersistence} and the one monitor that guards them all. Every
 * repository call holds this monitor, and a transaction holds it from start to end, so
 * transactions run one at a time and no caller ever sees one half done.
 *
 * <p>A transaction copies every table when it starts and puts the copies back when its work
 * throws. Stored values are immutable, so copying the maps is enough. Nested work takes its own
 * copy: a failure inside it that the outer work catches undoes only the nested part, as a
 * savepoint does in the database adapter; a failure that escapes undoes the whole outer work.
 */
final class InMemoryStore {

    private final List<Map<Object, Object>> tables = new ArrayList<>();

    /** A new, empty table that transactions roll back with the others. */
    @SuppressWarnings("unchecked")
    synchronized <K, V> Map<K, V> table() {
        Map<K, V> table = new HashMap<>();
        tables.add((Map<Object, Object>) table);
        return table;
    }

    synchronized <T> T inTransaction(Supplier<T> work) {
        List<Map<Object, Object>> before = new ArrayList<>(tables.size());
        for (Map<Object, Object> table : tables) {
            before.add(new HashMap<>(table));
        }
        try {
            return work.get();
        } catch (Throwable failure) {
            for (int i = 0; i < before.size(); i++) {
                tables.get(i).clear();
                tables.get(i).putAll(before.get(i));
            }
            throw failure;
        }
    }
}
