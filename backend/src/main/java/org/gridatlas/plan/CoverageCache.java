package org.gridatlas.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The communities being edited, as loaded from PostGIS (grids, outline, buildings, workers in the metric CRS), so that
 * an impact preview on release of the mouse does not read a community of thousands of buildings again. Keyed by plan,
 * community and plan version: every saved edit, undo, redo and publish bumps the version, so a stale entry is never
 * read again (and ages out). Buildings and worker duties are not versioned: an entry lives at most {@code ttl} so a
 * building or duty import shows up in the next preview after that. Least recently used entries go first.
 */
@Component
class CoverageCache {
    private record Key(long plan, String community, int version) {}

    /** A cached coverage, with its rule check computed once on demand. */
    static final class Entry {
        private final CommunityCoverage coverage;
        private final long loadedAt;
        private volatile List<CoverageRules.Violation> violations;
        private volatile Map<String, String> holders;
        private volatile List<PlanViews.ViolationView> views;

        private Entry(CommunityCoverage coverage, long loadedAt) {
            this.coverage = coverage;
            this.loadedAt = loadedAt;
        }

        CommunityCoverage coverage() {
            return coverage;
        }

        /** The coverage's faults under these rules (computed on the first call). */
        List<CoverageRules.Violation> violations(CoverageRules rules) {
            List<CoverageRules.Violation> v = violations;
            if (v == null) violations = v = List.copyOf(rules.check(coverage));
            return v;
        }

        /** The faults as the API shows them, placed on the map (made on the first call). */
        List<PlanViews.ViolationView> views(Supplier<List<PlanViews.ViolationView>> make) {
            List<PlanViews.ViolationView> v = views;
            if (v == null) views = v = List.copyOf(make.get());
            return v;
        }

        /** Building code → grid holding most of it (computed on the first call). */
        Map<String, String> holders() {
            Map<String, String> h = holders;
            if (h == null) holders = h = Map.copyOf(EditImpact.holders(coverage));
            return h;
        }
    }

    private final int capacity;
    private final long ttlNanos;
    private final Map<Key, Entry> entries;

    CoverageCache(
            @Value("${gridatlas.plan.cache-entries:32}") int capacity,
            @Value("${gridatlas.plan.cache-seconds:300}") long ttlSeconds) {
        this.capacity = capacity;
        this.ttlNanos = ttlSeconds * 1_000_000_000L;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > CoverageCache.this.capacity;
            }
        };
    }

    /** The coverage of the plan's community at this version, loaded by {@code load} when not cached or too old. */
    Entry get(long plan, String community, int version, Supplier<CommunityCoverage> load) {
        Key key = new Key(plan, community, version);
        synchronized (entries) {
            Entry e = entries.get(key);
            if (e != null && System.nanoTime() - e.loadedAt < ttlNanos) return e;
        }
        return put(plan, community, version, load.get());
    }

    /** Remembers a coverage known to equal what is stored for this plan version (e.g. right after a saved edit). */
    Entry put(long plan, String community, int version, CommunityCoverage coverage) {
        Entry e = new Entry(coverage, System.nanoTime());
        synchronized (entries) {
            entries.put(new Key(plan, community, version), e);
        }
        return e;
    }

    /** Forgets every entry of a plan (published: it is no longer edited). */
    void forget(long plan) {
        synchronized (entries) {
            entries.keySet().removeIf(k -> k.plan() == plan);
        }
    }
}
