package org.gridatlas.heatmap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Brings the heat-map cells up to date once the application (and the sample street, an ApplicationRunner) is up, in
 * the background, so the first tile does not pay for it. Tile requests meanwhile wait on the refresh's lock.
 */
@Component
class HeatmapWarmup {
    private static final Logger log = LoggerFactory.getLogger(HeatmapWarmup.class);
    private final HeatmapService heatmaps;

    HeatmapWarmup(HeatmapService heatmaps) {
        this.heatmaps = heatmaps;
    }

    @EventListener(ApplicationReadyEvent.class)
    void refresh() {
        Thread t = new Thread(
                () -> {
                    long start = System.nanoTime();
                    try {
                        heatmaps.refresh();
                        log.info("heat-map cells up to date in {} ms", (System.nanoTime() - start) / 1_000_000);
                    } catch (RuntimeException e) {
                        log.warn("heat-map refresh failed; tiles will retry: {}", e.getMessage());
                    }
                },
                "heatmap-warmup");
        t.setDaemon(true);
        t.start();
    }
}
