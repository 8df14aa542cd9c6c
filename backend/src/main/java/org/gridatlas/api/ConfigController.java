package org.gridatlas.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Settings the pages need: the optional XYZ base layer (none = overlays on a plain background). */
@RestController
class ConfigController {
    private final MapConfig config;

    ConfigController(
            @Value("${gridatlas.map.tile-url:}") String tileUrl,
            @Value("${gridatlas.map.tile-attribution:}") String attribution) {
        this.config = new MapConfig(blankToNull(tileUrl), blankToNull(attribution));
    }

    /**
     * @param tileUrl an XYZ template such as https://tile.openstreetmap.org/{z}/{x}/{y}.png, or null
     */
    record MapConfig(String tileUrl, String tileAttribution) {}

    @GetMapping("/api/config")
    MapConfig config() {
        return config;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
