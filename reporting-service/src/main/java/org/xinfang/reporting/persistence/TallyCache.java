package org.xinfang.reporting.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import org.xinfang.reporting.domain.Tally;

/**
 * The most recently written and read tallies, decoded, so the fold's upper levels and the queries do not read back
 * what this process has just written. Coherent because reporting is the single writer of its tallies: every save
 * goes through {@link TallyStore#save}, which refreshes the entry once the store has acknowledged the write.
 * Bounded (least recently used out), keyed by generation and tally id.
 */
public final class TallyCache {

    private final Map<String, Tally> entries;

    public TallyCache(int capacity) {
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Tally> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Tally get(long generation, String id) {
        Tally tally = entries.get(generation + "|" + id);
        return tally == null ? null : new Tally().merge(tally);
    }

    synchronized void put(long generation, String id, Tally tally) {
        entries.put(generation + "|" + id, new Tally().merge(tally));
    }

    /** After a failed write the store may hold what the cache does not: start again from the store. */
    public synchronized void clear() {
        entries.clear();
    }
}
