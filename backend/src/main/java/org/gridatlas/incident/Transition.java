package org.gridatlas.incident;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.gridatlas.api.BadParameterException;

/**
 * A lifecycle step asked for through the API: reported → accepted → dispatched (to a department) → resolved (at
 * community / department / street level, the 721 tiers) → closed (with the resident's satisfaction 1–5). Steps
 * go forward one at a time; a step's time is not before the previous one.
 *
 * @param at when it happened (default now)
 */
public record Transition(
        String status, OffsetDateTime at, String level, String department, Integer satisfaction, String note) {
    static final List<String> ORDER = List.of("reported", "accepted", "dispatched", "resolved", "closed");
    static final Map<String, String> TIME_COLUMN = Map.of(
            "accepted", "accepted_at", "dispatched", "dispatched_at", "resolved", "resolved_at", "closed", "closed_at");

    /** Refuses a step that does not follow from the incident's state, naming the parameter at fault. */
    void check(IncidentService.Incident current, OffsetDateTime at) {
        if (status == null || !TIME_COLUMN.containsKey(status)) {
            throw new BadParameterException(
                    "status", "'" + status + "' is not one of accepted, dispatched, resolved, closed");
        }
        int from = ORDER.indexOf(current.status()), to = ORDER.indexOf(status);
        // one step at a time, except that a community resolves what it accepted without dispatching it
        boolean allowed = to == from + 1 || ("accepted".equals(current.status()) && "resolved".equals(status));
        if (!allowed) {
            throw new BadParameterException(
                    "status",
                    "an incident that is " + current.status() + " cannot become " + status + "; next is "
                            + (from + 1 < ORDER.size() ? ORDER.get(from + 1) : "nothing (closed)"));
        }
        if ("closed".equals(status) && satisfaction == null) {
            throw new BadParameterException("satisfaction", "closing needs the resident's satisfaction, 1 to 5");
        }
        if ("resolved".equals(status) && !IncidentImporter.LEVELS.contains(String.valueOf(level))) {
            throw new BadParameterException("level", "resolving needs the level: community, department or street");
        }
        if ("dispatched".equals(status) && (department == null || department.isBlank())) {
            throw new BadParameterException("department", "dispatching needs the department it goes to");
        }
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            throw new BadParameterException("satisfaction", "satisfaction is 1 to 5, not " + satisfaction);
        }
        if (satisfaction != null && !"closed".equals(status)) {
            throw new BadParameterException("satisfaction", "satisfaction is given when closing");
        }
        OffsetDateTime previous = latest(current);
        if (at.isBefore(previous)) {
            throw new BadParameterException("at", "is before the previous step (" + previous + ")");
        }
    }

    private static OffsetDateTime latest(IncidentService.Incident i) {
        OffsetDateTime t = i.reportedAt();
        for (OffsetDateTime x : new OffsetDateTime[] {i.acceptedAt(), i.dispatchedAt(), i.resolvedAt(), i.closedAt()}) {
            if (x != null && x.isAfter(t)) t = x;
        }
        return t;
    }
}
