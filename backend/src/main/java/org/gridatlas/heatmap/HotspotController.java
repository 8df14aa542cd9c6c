package org.gridatlas.heatmap;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gridatlas.api.GeoJsonMediaType;
import org.gridatlas.security.GridAtlasUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Aggregates per hexagon / grid with Gi* hot spots, and repeat locations (docs/heatmap.md). */
@RestController
class HotspotController {
    private final HeatmapService heatmaps;
    private final HotspotService hotspots;
    private final RepeatLocations repeats;

    HotspotController(HeatmapService heatmaps, HotspotService hotspots, RepeatLocations repeats) {
        this.heatmaps = heatmaps;
        this.hotspots = hotspots;
        this.repeats = repeats;
    }

    @GetMapping(path = "/api/hotspots", produces = GeoJsonMediaType.VALUE)
    String hotspots(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) Integer size,
            @RequestParam Map<String, String> query,
            @AuthenticationPrincipal GridAtlasUser user) {
        return featureCollection(units(unit, size, query, user));
    }

    @GetMapping(path = "/api/hotspots.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> hotspotsCsv(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) Integer size,
            @RequestParam Map<String, String> query,
            @AuthenticationPrincipal GridAtlasUser user) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(
                                "id",
                                "name",
                                "incidents",
                                "households",
                                "rate_per_1000_households",
                                "gi_z",
                                "gi_p",
                                "gi_q",
                                "spot")
                        .get())) {
            for (HotspotService.Unit u : units(unit, size, query, user)) {
                csv.printRecord(
                        u.id(),
                        u.name(),
                        u.incidents(),
                        u.households(),
                        u.ratePer1000Households(),
                        u.gi().z(),
                        u.gi().p(),
                        u.gi().q(),
                        u.gi().spot());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"hotspots.csv\"")
                .body("\uFEFF" + out); // BOM: Excel on Chinese Windows then reads UTF-8
    }

    @GetMapping("/api/hotspots/repeats")
    List<RepeatLocations.Place> repeats(
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer minIncidents,
            @RequestParam Map<String, String> query,
            @AuthenticationPrincipal GridAtlasUser user) {
        return repeats.ranked(user.scope(), periodOnly(query, user), limit, minIncidents);
    }

    private List<HotspotService.Unit> units(String unit, Integer size, Map<String, String> query, GridAtlasUser user) {
        return hotspots.units(user.scope(), periodOnly(query, user), unit, size);
    }

    private HeatmapFilter periodOnly(Map<String, String> query, GridAtlasUser user) {
        HeatmapFilter f = heatmaps.filter(user.scope(), HeatmapController.params(query));
        return new HeatmapFilter(
                f.period(), null, f.categories(), f.sources(), f.statuses(), f.levels(), f.weight(), f.radius());
    }

    static String featureCollection(List<HotspotService.Unit> units) {
        StringBuilder b = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int k = 0; k < units.size(); k++) {
            HotspotService.Unit u = units.get(k);
            if (k > 0) b.append(',');
            b.append("{\"type\":\"Feature\",\"id\":")
                    .append(str(u.id()))
                    .append(",\"geometry\":")
                    .append(u.geometry())
                    .append(",\"properties\":{\"id\":")
                    .append(str(u.id()))
                    .append(",\"name\":")
                    .append(str(u.name()))
                    .append(",\"incidents\":")
                    .append(u.incidents())
                    .append(",\"households\":")
                    .append(u.households())
                    .append(",\"rate_per_1000_households\":")
                    .append(num(u.ratePer1000Households()))
                    .append(",\"gi_z\":")
                    .append(num(u.gi().z()))
                    .append(",\"gi_p\":")
                    .append(num(u.gi().p()))
                    .append(",\"gi_q\":")
                    .append(num(u.gi().q()))
                    .append(",\"spot\":")
                    .append(str(u.gi().spot()))
                    .append("}}");
        }
        return b.append("]}").toString();
    }

    private static String num(Double v) {
        return v == null || !Double.isFinite(v) ? "null" : String.valueOf(v);
    }

    static String str(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }
}
