package io.vpcportal.platform.cache;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A per-instance cache of reference data that is never used past a committed change: every look-up reads the data's
 * committed version ({@link ReferenceVersions}) and only an entry loaded at that very version is served. The version
 * is read before loading, so an entry stored while a change commits carries the older version and is reloaded next
 * time rather than served stale. Bounded: when full it starts over (reference data is small; the bound only keeps
 * unknown keys sent by clients from growing it).
 *
 * @param <K> key
 * @param <V> cached value
 */
public final class VersionedCache<K, V> {

    private record Entry<V>(long version, V value) {
    }

    private final String name;
    private final ReferenceVersions versions;
    private final int maxEntries;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public VersionedCache(String name, ReferenceVersions versions, int maxEntries) {
        this.name = name;
        this.versions = versions;
        this.maxEntries = maxEntries;
    }

    /** The value for {@code key} as of the committed version; absent values are not cached. */
    public Optional<V> get(K key, Function<K, Optional<V>> loader) {
        long version = versions.current(name);
        Entry<V> entry = entries.get(key);
        if (entry != null && entry.version() == version) {
            return Optional.of(entry.value());
        }
        Optional<V> loaded = loader.apply(key);
        if (loaded.isPresent()) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.merge(key, new Entry<>(version, loaded.get()),
                    (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
        } else {
            entries.remove(key);
        }
        return loaded;
    }

    /** How many entries are held (for tests and metrics). */
    public int size() {
        return entries.size();
    }
}
