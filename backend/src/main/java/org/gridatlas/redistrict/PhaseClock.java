package org.gridatlas.redistrict;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thread CPU time per phase of a proposal (units, graph, growth, search, dissolve), logged at debug level. CPU time,
 * not wall clock, because the machine is shared: a loaded machine stretches wall clock, not the work done.
 */
final class PhaseClock {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private long last = now();

    /** Charges the CPU time since the previous mark to {@code phase}. */
    void mark(String phase) {
        long t = now();
        nanos.merge(phase, t - last, Long::sum);
        last = t;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        nanos.forEach((p, n) -> s.append(p).append(' ').append(n / 1_000_000).append(" ms  "));
        return s.toString().trim();
    }

    private static long now() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }
}
