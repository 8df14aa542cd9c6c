package org.gridatlas.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.gridatlas.api.BadParameterException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spreadsheet export of any table a page shows (the pages post what is on screen; the figures were already
 * scoped by the API that produced them). CSV is written in the browser (js/csv.js); .xlsx needs POI, so here.
 */
@RestController
@RequestMapping("/api/export")
class ExportController {
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final Pattern UNSAFE_FILE_CHARS = Pattern.compile("[\\\\/:*?\"<>|\\r\\n]");

    private final XlsxWriter writer;

    ExportController(XlsxWriter writer) {
        this.writer = writer;
    }

    @PostMapping(value = "/xlsx", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> xlsx(@RequestBody SpreadsheetTable table) throws IOException {
        if (table.fileName() == null || table.fileName().isBlank()) {
            throw new BadParameterException("fileName", "fileName is required");
        }
        writer.validate(table);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(table, out);
        String name = UNSAFE_FILE_CHARS.matcher(table.fileName().strip()).replaceAll("_") + ".xlsx";
        // RFC 6266/5987: an ASCII fallback and the UTF-8 name (Chinese file names)
        String disposition = "attachment; filename=\"export.xlsx\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                .body(out.toByteArray());
    }
}
