package org.gridatlas.heatmap;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the heat-map blocks up to date in the background, month by month (each month its own transaction, newest
 * first): once the application is up, right after an import or a plan publish has committed (they mark the months
 * they touched through the V7/V15 triggers), and whenever a tile finds a dirty month (any other edit). Only touched months are rebuilt. Until a month is rebuilt, tiles whose
 * period includes it are computed from the incidents (correct, slower), so start-up never waits for it.
 */
@Component
class HeatmapWarmup {
    private static final Logger log = LoggerFactory.getLogger(HeatmapWarmup.class);
    private final HeatmapBlocks blocks;
    private final AtomicBoolean running = new AtomicBoolean();
    /** A kick since the running loop last looked at the dirty months: it looks again before it stops. */
    private final AtomicBoolean asked = new AtomicBoolean();

    HeatmapWarmup(HeatmapBlocks blocks) {
        this.blocks = blocks;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        kick();
    }

    /** After an import's or a publish's transaction (at once when published outside one). */
    @TransactionalEventListener(fallbackExecution = true)
    void onImport(org.gridatlas.ingest.ImportCompleted event) {
        kick();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onPublish(org.gridatlas.plan.PlanPublished event) {
        kick();
    }

    /** Starts a background refresh unless one is running (that one picks up months marked meanwhile). */
    void kick() {
        asked.set(true);
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
        do {
            refreshDirty();
            running.set(false);
        } while (asked.get() && running.compareAndSet(false, true)); // a kick came after the last look
    }

    private void refreshDirty() {
        long start = System.nanoTime();
        int months = 0;
        try {
            asked.set(false);
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
        }
    }
}
