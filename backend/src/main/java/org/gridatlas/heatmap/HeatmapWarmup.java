package org.gridatlas.heatmap;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the heat-map blocks up to date in the background, month by month (each month its own transaction, newest
 * first): once the application is up, and whenever a tile finds a dirty month (incidents imported, edited or deleted
 * mark their months through the V7 triggers). Only touched months are rebuilt. Until a month is rebuilt, tiles whose
 * period includes it are computed from the incidents (correct, slower), so start-up never waits for it.
 */
@Component
class HeatmapWarmup {
    private static final Logger log = LoggerFactory.getLogger(HeatmapWarmup.class);
    private final HeatmapBlocks blocks;
    private final AtomicBoolean running = new AtomicBoolean();

    HeatmapWarmup(HeatmapBlocks blocks) {
        this.blocks = blocks;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        kick();
    }

    /** Starts a background refresh unless one is running (that one picks up months marked meanwhile). */
    void kick() {
        if (!running.compareAndSet(false, true)) return;
        Thread t = new Thread(this::refreshLoop, "heatmap-refresh");
        t.setDaemon(true);
        t.start();
    }

    /** Whether a background refresh is running. */
    boolean running() {
        return running.get();
    }

    private void refreshLoop() {
        long start = System.nanoTime();
        int months = 0;
        try {
            for (List<LocalDate> dirty = blocks.dirtyMonths(); !dirty.isEmpty(); dirty = blocks.dirtyMonths()) {
                for (LocalDate m : dirty) {
                    blocks.refreshMonth(m);
                    months++;
                }
            }
            if (months > 0) {
                log.info(
                        "heat-map blocks of {} month(s) rebuilt in {} ms",
                        months,
                        (System.nanoTime() - start) / 1_000_000);
            }
        } catch (RuntimeException e) {
            log.warn("heat-map refresh failed; the next tile retries: {}", e.getMessage());
        } finally {
            running.set(false);
        }
    }
}
