package org.gridatlas.plan;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.gridatlas.api.BadParameterException;
import org.gridatlas.security.GridAtlasUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Boundary plan editing: drafts, edits with their impact, undo/redo, validation, comparison, publishing, KML. */
@RestController
class PlanController {
    private final PlanEditingService editing;
    private final PlanPublishingService publishing;
    private final PlanExports exports;
    private final PlanImportService imports;

    PlanController(
            PlanEditingService editing,
            PlanPublishingService publishing,
            PlanExports exports,
            PlanImportService imports) {
        this.editing = editing;
        this.publishing = publishing;
        this.exports = exports;
        this.imports = imports;
    }

    /** A new draft from a GeoJSON or KML file of grid polygons (properties: code, name). */
    @PostMapping(path = "/api/plans/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<PlanImportService.Imported> importPlan(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String street,
            @RequestParam(required = false) String community,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "false") boolean acceptViolations,
            @AuthenticationPrincipal GridAtlasUser user)
            throws IOException {
        if (file == null || file.isEmpty()) throw PlanImportService.noFile();
        try (InputStream in = file.getInputStream()) {
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(imports.importDraft(
                            user, street, community, name, note, file.getOriginalFilename(), in, acceptViolations));
        }
    }

    /**
     * A new draft.
     *
     * @param basedOn plan to copy (default: the street's published plan)
     * @param community limit the draft's edits to one community
     */
    record DraftRequest(Long basedOn, String street, String community, String name, String note) {}

    /** The client's version of the plan, for undo and redo. */
    record VersionRequest(Integer version) {}

    /**
     * Publishing.
     *
     * @param version the client's version of the draft
     * @param effectiveFrom start of validity, ISO 8601 date-time with offset or a date (00:00 Asia/Shanghai); default
     *     now
     */
    record PublishRequest(Integer version, String effectiveFrom) {}

    @PostMapping("/api/plans")
    ResponseEntity<Map<String, Object>> create(
            @RequestBody DraftRequest r, @AuthenticationPrincipal GridAtlasUser user) {
        long id = editing.createDraft(user, r.basedOn(), r.street(), r.community(), r.name(), r.note());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id, "version", 0));
    }

    @PostMapping("/api/plans/{id}/edits/preview")
    PlanViews.EditOutcome preview(
            @PathVariable long id, @RequestBody EditRequest r, @AuthenticationPrincipal GridAtlasUser user) {
        return editing.preview(user, id, r);
    }

    @PostMapping("/api/plans/{id}/edits")
    PlanViews.EditOutcome apply(
            @PathVariable long id, @RequestBody EditRequest r, @AuthenticationPrincipal GridAtlasUser user) {
        return editing.apply(user, id, r);
    }

    @PostMapping("/api/plans/{id}/undo")
    PlanViews.EditOutcome undo(
            @PathVariable long id, @RequestBody VersionRequest r, @AuthenticationPrincipal GridAtlasUser user) {
        return editing.undo(user, id, r.version());
    }

    @PostMapping("/api/plans/{id}/redo")
    PlanViews.EditOutcome redo(
            @PathVariable long id, @RequestBody VersionRequest r, @AuthenticationPrincipal GridAtlasUser user) {
        return editing.redo(user, id, r.version());
    }

    @GetMapping("/api/plans/{id}/validation")
    PlanViews.Validation validation(
            @PathVariable long id,
            @RequestParam(required = false) String community,
            @AuthenticationPrincipal GridAtlasUser user) {
        return editing.validate(user.scope(), id, community);
    }

    @GetMapping("/api/plans/{id}/compare")
    PlanViews.Comparison compare(
            @PathVariable long id,
            @RequestParam(required = false) Long with,
            @RequestParam(required = false) String community,
            @AuthenticationPrincipal GridAtlasUser user) {
        return editing.compare(user.scope(), id, with, community);
    }

    @GetMapping("/api/plans/{id}/history")
    List<PlanViews.HistoryEntry> history(@PathVariable long id, @AuthenticationPrincipal GridAtlasUser user) {
        return editing.history(user.scope(), id);
    }

    @PostMapping("/api/plans/{id}/publish")
    PlanViews.Publication publish(
            @PathVariable long id, @RequestBody PublishRequest r, @AuthenticationPrincipal GridAtlasUser user) {
        return publishing.publish(user, id, r.version(), effectiveFrom(r.effectiveFrom()));
    }

    private static OffsetDateTime effectiveFrom(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return value.length() == 10
                    ? LocalDate.parse(value)
                            .atStartOfDay(ZoneId.of("Asia/Shanghai"))
                            .toOffsetDateTime()
                    : OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(
                    "effectiveFrom", "effectiveFrom must be a date (2026-01-01) or a date-time with offset");
        }
    }

    @GetMapping(path = "/api/plans/{id}/export.kml", produces = "application/vnd.google-earth.kml+xml")
    ResponseEntity<String> kml(@PathVariable long id, @AuthenticationPrincipal GridAtlasUser user) {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"plan-" + id + ".kml\"")
                .contentType(MediaType.parseMediaType("application/vnd.google-earth.kml+xml"))
                .body(exports.kml(user.scope(), id));
    }
}
