package org.gridatlas.export;

import java.util.List;

/**
 * A table shown on a page, sent back to be saved as a spreadsheet: the same headers (Chinese first) and the same
 * cells the user sees, so every number on screen can be exported.
 *
 * @param fileName file name offered to the browser, without extension (e.g. {@code 网格覆盖_2026-11-23})
 * @param sheet sheet name (at most 31 characters, none of {@code []:*?/\})
 * @param headers column headers
 * @param rows cells: JSON numbers become numeric cells, everything else text; null is an empty cell
 */
public record SpreadsheetTable(String fileName, String sheet, List<String> headers, List<List<Object>> rows) {}
