package org.gridatlas.incident;

import java.time.OffsetDateTime;
import org.gridatlas.api.BadParameterException;
import org.gridatlas.geo.LonLat;
import org.gridatlas.ingest.ChineseDates;
import org.gridatlas.security.GridAtlasUser;
import org.gridatlas.security.Scope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IncidentController {
    private final IncidentService incidents;

    IncidentController(IncidentService incidents) {
        this.incidents = incidents;
    }

    /** Incidents of the scope, newest first; {@code quality=unmatched} is the review queue. */
    @GetMapping("/api/incidents")
    IncidentService.Page list(
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "category", required = false) String category,
            @RequestParam(name = "source", required = false) String source,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "grid", required = false) String grid,
            @RequestParam(name = "quality", required = false) String quality,
            @RequestParam(name = "limit", defaultValue = "100") int limit,
            @RequestParam(name = "offset", defaultValue = "0") int offset,
            @AuthenticationPrincipal GridAtlasUser user) {
        if (limit < 1 || limit > 1000) throw new BadParameterException("limit", "limit is 1 to 1000");
        if (offset < 0) throw new BadParameterException("offset", "offset is not negative");
        var filter = new IncidentFilter(
                time("from", from),
                time("to", to),
                blank(category),
                blank(source),
                blank(status),
                blank(grid),
                blank(quality),
                limit,
                offset);
        return incidents.list(filter, user.scope());
    }

    @GetMapping("/api/incidents/{id}")
    IncidentService.Detail get(@PathVariable("id") long id, @AuthenticationPrincipal GridAtlasUser user) {
        return incidents.get(id, user.scope());
    }

    /** Places an unmatched (or misplaced) incident by hand: {@code {"lon": .., "lat": ..}} in WGS84. */
    @PutMapping("/api/incidents/{id}/location")
    IncidentService.Incident place(
            @PathVariable("id") long id, @RequestBody LonLat point, @AuthenticationPrincipal GridAtlasUser user) {
        requireSupervisor(user.scope());
        if (point == null || Math.abs(point.lon()) > 180 || Math.abs(point.lat()) > 90) {
            throw new BadParameterException("lon", "lon/lat must be WGS84 degrees");
        }
        return incidents.place(id, point, user.username(), user.scope());
    }

    /** A lifecycle step: {@code {"status": "resolved", "level": "community"}} and so on. */
    @PostMapping("/api/incidents/{id}/transitions")
    IncidentService.Incident transition(
            @PathVariable("id") long id, @RequestBody Transition t, @AuthenticationPrincipal GridAtlasUser user) {
        requireSupervisor(user.scope());
        return incidents.transition(id, t, user.username(), user.scope());
    }

    private static void requireSupervisor(Scope scope) {
        if (!Scope.ADMIN.equals(scope.role()) && !Scope.SUPERVISOR.equals(scope.role())) {
            throw new AccessDeniedException("only supervisors change incidents");
        }
    }

    private static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) return null;
        OffsetDateTime t = ChineseDates.parse(value);
        if (t == null) throw new BadParameterException(name, "'" + value + "' is not a time like 2026-03-13 08:05");
        return t;
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
