package org.gridatlas.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;
import org.gridatlas.api.BadParameterException;
import org.gridatlas.geo.Datum;
import org.gridatlas.security.GridAtlasUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class ImportController {
    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    /**
     * Imports one file of the given kind: all or nothing (422 problem+json with the rows at fault), or the good rows
     * with {@code skipBadRows=true}; with {@code async=true} it runs as a background job (202, follow it with GET).
     */
    @PostMapping("/api/imports")
    ResponseEntity<ImportSummary> create(
            @RequestParam("file") MultipartFile file,
            @RequestParam("kind") String kind,
            @RequestParam(name = "encoding", required = false) String encoding,
            @RequestParam(name = "format", required = false) String format,
            @RequestParam(name = "sheet", required = false) String sheet,
            @RequestParam(name = "datum", required = false) String datum,
            @RequestParam(name = "mapping", required = false) String mapping,
            @RequestParam(name = "skipBadRows", defaultValue = "false") boolean skipBadRows,
            @RequestParam(name = "async", defaultValue = "false") boolean async,
            @AuthenticationPrincipal GridAtlasUser user)
            throws IOException {
        ImportKind k = ImportKind.parse(kind);
        ImportOptions options = new ImportOptions(format(format), sheet, datum(datum), mapping(mapping), skipBadRows);
        try (InputStream in = file.getInputStream()) {
            var upload = new ImportService.Upload(in, file.getOriginalFilename(), file.getSize(), charset(encoding));
            if (async) {
                return ResponseEntity.accepted().body(imports.start(k, upload, options, user.username(), user.scope()));
            }
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(imports.run(k, upload, options, user.username(), user.scope()));
        }
    }

    /** The first rows of a file as read with the given options, and which field each column maps to. */
    @PostMapping("/api/imports/preview")
    ImportPreview preview(
            @RequestParam("file") MultipartFile file,
            @RequestParam("kind") String kind,
            @RequestParam(name = "encoding", required = false) String encoding,
            @RequestParam(name = "format", required = false) String format,
            @RequestParam(name = "sheet", required = false) String sheet,
            @RequestParam(name = "mapping", required = false) String mapping,
            @AuthenticationPrincipal GridAtlasUser user)
            throws IOException {
        ImportKind k = ImportKind.parse(kind);
        ImportOptions options = new ImportOptions(format(format), sheet, Datum.wgs84, mapping(mapping), false);
        try (InputStream in = file.getInputStream()) {
            var upload = new ImportService.Upload(in, file.getOriginalFilename(), file.getSize(), charset(encoding));
            return imports.preview(k, upload, options, user.scope());
        }
    }

    @GetMapping("/api/imports/{id}")
    ImportSummary get(@PathVariable("id") long id, @AuthenticationPrincipal GridAtlasUser user) {
        return imports.find(id, user.scope());
    }

    /** The reject report as CSV (UTF-8 with BOM, so Excel on Chinese Windows opens it right). */
    @GetMapping(value = "/api/imports/{id}/rejects.csv", produces = "text/csv")
    ResponseEntity<byte[]> rejects(@PathVariable("id") long id, @AuthenticationPrincipal GridAtlasUser user) {
        byte[] body = RejectReport.csv(imports.rejects(id, user.scope()));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-rejects.csv\"")
                .body(body);
    }

    private static Charset charset(String encoding) {
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("auto")) return null;
        try {
            return Charset.forName(encoding.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new BadParameterException("encoding", "unknown encoding '" + encoding + "' (UTF-8, GB18030, GBK)");
        }
    }

    private static String format(String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("auto")) return null;
        String f = format.strip().toLowerCase(java.util.Locale.ROOT);
        if (!f.equals("csv") && !f.equals("xlsx") && !f.equals("geojson")) {
            throw new BadParameterException("format", "unknown format '" + format + "' (csv, xlsx, geojson)");
        }
        return f;
    }

    private static Datum datum(String datum) {
        Datum d = Datum.parse(datum);
        if (d == null) {
            throw new BadParameterException("datum", "unknown datum '" + datum + "'; one of " + Datum.names());
        }
        return d;
    }

    private static Map<String, String> mapping(String mapping) {
        try {
            return ColumnMapping.parseExplicit(mapping);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("mapping", e.getMessage());
        }
    }
}
