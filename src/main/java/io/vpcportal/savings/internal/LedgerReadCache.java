package io.vpcportal.savings.internal;

import io.vpcportal.platform.cache.ReferenceVersions;
import io.vpcportal.platform.cache.VersionedCache;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The sums the dashboard and {@code GET /api/v1/savings} read, kept per instance until the ledger changes. The ledger
 * changes a few times a day (a collection, a repricing) and is read on every view of the dashboard, whose statements
 * sum tens of thousands of rollup rows each; so each answer is kept under the ledger's committed version
 * ({@code reference_version 'savings'}, moved by triggers in the same transaction as any change to the daily ledger
 * or its rollups, V101) and served again only while that version stands: one primary-key read instead of the sums,
 * never an answer older than the last committed change, on this or any other instance.
 *
 * <p>Keys carry everything an answer depends on (the kind of read, the period, the reader's scope of accounts, the
 * list sizes); periods are absolute days, so a new day asks new keys. Two bounded caches: the small answers
 * (totals, trends, groupings, the per-resource lists: a few kB each) and the API's pages of groups, which hold up to
 * {@link #MAX_CACHED_PAGE_GROUPS} groups each (larger pages are read every time).
 */
@Component
public class LedgerReadCache {

    /** The {@code reference_version} row of the ledger. */
    static final String VERSION = "savings";

    /** Entries of small answers before the cache starts over (a few kB each). */
    static final int SMALL_ENTRIES = 512;

    /** Pages of groups kept (up to about 300 kB each at {@link #MAX_CACHED_PAGE_GROUPS}). */
    static final int PAGE_ENTRIES = 32;

    /** Pages with more groups than this are not kept. */
    public static final int MAX_CACHED_PAGE_GROUPS = 1_000;

    private final VersionedCache<Object, Object> small;
    private final VersionedCache<Object, Object> pages;

    LedgerReadCache(ReferenceVersions versions) {
        this.small = new VersionedCache<>(VERSION, versions, SMALL_ENTRIES);
        this.pages = new VersionedCache<>(VERSION, versions, PAGE_ENTRIES);
    }

    /** {@code read}'s answer for {@code key} as of the ledger's committed version. */
    public <T> T get(Object key, Supplier<T> read) {
        return from(small, key, read);
    }

    /** The same for a page of groups of at most {@link #MAX_CACHED_PAGE_GROUPS}; larger ones are read each time. */
    public <T> T page(Object key, int limit, Supplier<T> read) {
        return limit > MAX_CACHED_PAGE_GROUPS ? read.get() : from(pages, key, read);
    }

    @SuppressWarnings("unchecked")
    private static <T> T from(VersionedCache<Object, Object> cache, Object key, Supplier<T> read) {
        return (T) cache.get(key, k -> Optional.of(read.get())).orElseThrow();
    }
}
