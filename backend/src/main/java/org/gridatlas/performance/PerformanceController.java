package org.gridatlas.performance;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gridatlas.security.GridAtlasUser;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The 三率 / 721 ranking as JSON and CSV. */
@RestController
class PerformanceController {
    private static final Set<String> SOURCES = Set.of("hotline_12345", "patrol", "snapshot", "video", "desk", "other");
    private final PerformanceService performance;
    private final JdbcClient jdbc;

    PerformanceController(PerformanceService performance, JdbcClient jdbc) {
        this.performance = performance;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/performance")
    List<HandlingPerformance> ranking(
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String responseHours,
            @RequestParam(required = false) String sort,
            @AuthenticationPrincipal GridAtlasUser user) {
        return performance.ranking(user.scope(), query(by, from, to, category, source, responseHours, sort));
    }

    @GetMapping(path = "/api/performance.csv", produces = "text/csv;charset=UTF-8")
    ResponseEntity<String> csv(
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String responseHours,
            @RequestParam(required = false) String sort,
            @AuthenticationPrincipal GridAtlasUser user) {
        List<HandlingPerformance> rows = ranking(by, from, to, category, source, responseHours, sort, user);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(
                                "rank",
                                "unit",
                                "code",
                                "name",
                                "incidents",
                                "response_rate",
                                "resolution_rate",
                                "satisfaction_rate",
                                "rated",
                                "closed",
                                "median_hours_to_close",
                                "community_share",
                                "department_share",
                                "street_share",
                                "level_mix_gap")
                        .get())) {
            for (HandlingPerformance r : rows) {
                csv.printRecord(
                        r.rank(),
                        r.unit(),
                        r.code(),
                        r.name(),
                        r.incidents(),
                        r.responseRate(),
                        r.resolutionRate(),
                        r.satisfactionRate(),
                        r.rated(),
                        r.closed(),
                        r.medianHoursToClose(),
                        r.communityShare(),
                        r.departmentShare(),
                        r.streetShare(),
                        r.levelMixGap());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"performance.csv\"")
                .body("\uFEFF" + out);
    }

    private PerformanceService.Query query(
            String by, String from, String to, String category, String source, String responseHours, String sort) {
        Set<String> categories = Set.copyOf(jdbc.sql("SELECT code FROM incident_category")
                .query(String.class)
                .list());
        return performance.query(by, from, to, category, source, responseHours, sort, categories, SOURCES);
    }
}
