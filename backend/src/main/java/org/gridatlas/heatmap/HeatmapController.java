package org.gridatlas.heatmap;

import java.util.List;
import java.util.Map;
import org.gridatlas.security.GridAtlasUser;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Heat-map tiles, legend and exports. Filters as query parameters (docs/api.md, docs/heatmap.md). */
@RestController
class HeatmapController {
    private final HeatmapService heatmaps;
    private final HeatmapExports exports;

    HeatmapController(HeatmapService heatmaps, HeatmapExports exports) {
        this.heatmaps = heatmaps;
        this.exports = exports;
    }

    @GetMapping(path = "/api/heatmap/{z}/{x}/{y}.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> tile(
            @PathVariable int z,
            @PathVariable int x,
            @PathVariable int y,
            @RequestParam Map<String, String> query,
            @AuthenticationPrincipal GridAtlasUser user) {
        TileKey key = TileKey.of(z, x, y);
        HeatmapFilter f = heatmaps.filter(user.scope(), params(query));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .contentType(MediaType.IMAGE_PNG)
                .body(heatmaps.tilePng(user.scope(), key, f));
    }

    /** The colour scale: class bounds in incidents per km² per month, the period and the filter actually used. */
    @GetMapping("/api/heatmap/legend")
    Map<String, Object> legend(@RequestParam Map<String, String> query, @AuthenticationPrincipal GridAtlasUser user) {
        HeatmapFilter f = heatmaps.filter(user.scope(), params(query));
        List<DensityScale.Entry> entries = DensityScale.legend(f.difference());
        return Map.of(
                "unit",
                "incidents per km² per month",
                "from",
                f.period().from().toString(),
                "to",
                f.period().to().toString(),
                "compareFrom",
                f.compare() == null ? "" : f.compare().from().toString(),
                "compareTo",
                f.compare() == null ? "" : f.compare().to().toString(),
                "radius",
                f.radius(),
                "entries",
                entries);
    }

    /** The category tree for the filter panel: code, parent code (null for a big class), names. */
    @GetMapping("/api/heatmap/categories")
    List<Map<String, Object>> categories() {
        return heatmaps.categories();
    }

    @GetMapping(path = "/api/heatmap.tif", produces = "image/tiff")
    ResponseEntity<byte[]> geotiff(
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) String resolution,
            @RequestParam Map<String, String> query,
            @AuthenticationPrincipal GridAtlasUser user) {
        HeatmapFilter f = heatmaps.filter(user.scope(), params(query));
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"heatmap.tif\"")
                .contentType(MediaType.parseMediaType("image/tiff"))
                .body(exports.geotiff(user.scope(), ExportBox.parse(bbox, resolution), f));
    }

    @GetMapping(path = "/api/heatmap.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> pngWithLegend(
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) String resolution,
            @RequestParam Map<String, String> query,
            @AuthenticationPrincipal GridAtlasUser user) {
        HeatmapFilter f = heatmaps.filter(user.scope(), params(query));
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"heatmap.png\"")
                .contentType(MediaType.IMAGE_PNG)
                .body(exports.pngWithLegend(user.scope(), ExportBox.parse(bbox, resolution), f));
    }

    static HeatmapService.Params params(Map<String, String> q) {
        return new HeatmapService.Params(
                q.get("from"),
                q.get("to"),
                q.get("compareFrom"),
                q.get("compareTo"),
                q.get("category"),
                q.get("source"),
                q.get("status"),
                q.get("level"),
                q.get("weight"),
                q.get("radius"),
                "difference".equals(q.get("mode")));
    }
}
