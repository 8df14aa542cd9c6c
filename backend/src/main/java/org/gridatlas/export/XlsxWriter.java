package org.gridatlas.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gridatlas.api.BadParameterException;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link SpreadsheetTable} as an Office Open XML workbook (.xlsx) with Apache POI's streaming writer, so a
 * large table does not sit in memory as cell objects. Numbers stay numbers (sortable and summable in Excel/WPS);
 * text is written as text cells, never as formulas, so a cell starting with {@code =} cannot run.
 */
@Component
public class XlsxWriter {
    /** Rows of one sheet in .xlsx, header included. */
    static final int MAX_ROWS = 1_048_576;

    static final int MAX_COLUMNS = 16_384;
    private static final int MAX_CELL_TEXT = 32_767;
    private static final Pattern BAD_SHEET_CHARS = Pattern.compile("[\\[\\]:*?/\\\\]");

    /** Checks the table before anything is written, naming the field, row or column at fault. */
    public void validate(SpreadsheetTable table) {
        if (table.sheet() == null || table.sheet().isBlank())
            throw new BadParameterException("sheet", "sheet is required");
        if (table.sheet().length() > 31
                || BAD_SHEET_CHARS.matcher(table.sheet()).find()) {
            throw new BadParameterException(
                    "sheet", "sheet name must be at most 31 characters and contain none of [ ] : * ? / \\");
        }
        List<String> headers = table.headers();
        if (headers == null || headers.isEmpty()) throw new BadParameterException("headers", "headers are required");
        if (headers.size() > MAX_COLUMNS) {
            throw new BadParameterException("headers", "at most " + MAX_COLUMNS + " columns fit in a sheet");
        }
        List<List<Object>> rows = table.rows() == null ? List.of() : table.rows();
        if (rows.size() >= MAX_ROWS) {
            throw new BadParameterException("rows", "at most " + (MAX_ROWS - 1) + " rows fit in a sheet");
        }
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            if (row == null || row.size() != headers.size()) {
                throw new BadParameterException(
                        "rows[" + r + "]",
                        "row " + r + " has " + (row == null ? 0 : row.size()) + " cells for " + headers.size()
                                + " headers");
            }
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v != null && !(v instanceof Number) && !(v instanceof String) && !(v instanceof Boolean)) {
                    throw new BadParameterException(
                            "rows[" + r + "][" + c + "]", "cell must be a number, text, true/false or null");
                }
                if (v instanceof String s && s.length() > MAX_CELL_TEXT) {
                    throw new BadParameterException(
                            "rows[" + r + "][" + c + "]", "a cell holds at most " + MAX_CELL_TEXT + " characters");
                }
            }
        }
    }

    /** Writes the (validated) table as one sheet with a bold, frozen header row. */
    public void write(SpreadsheetTable table, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(500)) {
            Sheet sheet = book.createSheet(table.sheet());
            CellStyle headerStyle = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            headerStyle.setFont(bold);
            Row header = sheet.createRow(0);
            for (int c = 0; c < table.headers().size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(table.headers().get(c));
                cell.setCellStyle(headerStyle);
            }
            sheet.createFreezePane(0, 1);
            List<List<Object>> rows = table.rows() == null ? List.of() : table.rows();
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object v = cells.get(c);
                    if (v == null) continue;
                    Cell cell = row.createCell(c);
                    if (v instanceof Number n) cell.setCellValue(n.doubleValue());
                    else if (v instanceof Boolean b) cell.setCellValue(b);
                    else cell.setCellValue((String) v);
                }
            }
            book.write(out);
            book.dispose();
        }
    }
}
