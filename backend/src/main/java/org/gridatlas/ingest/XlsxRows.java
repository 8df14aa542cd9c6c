package org.gridatlas.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the first (or a named) sheet of an .xlsx workbook as a header and rows of text, the way office exports are
 * laid out: an optional title row merged across the table is skipped, and a header of two rows with merged cells
 * (a group such as 位置 over 经度 | 纬度, or 工单编号 merged down both rows) gives each column its lowest non-empty
 * header text. Date cells become {@code yyyy-MM-dd HH:mm:ss} local times, whole numbers lose their ".0".
 *
 * <p>POI's user model holds the workbook in memory (about 1 KB per row): fine for the office exports this is for
 * (Excel itself stops at 1,048,576 rows); bulk loads go through CSV, which is streamed.
 */
public final class XlsxRows {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private XlsxRows() {}

    public static int read(
            InputStream in,
            String sheetName,
            Problems problems,
            Tables.HeaderCheck header,
            Consumer<Tables.TableRow> rows) {
        Workbook opened = open(in, problems);
        if (opened == null) return 0;
        try (Workbook book = opened) {
            Sheet sheet = sheetName == null || sheetName.isBlank() ? book.getSheetAt(0) : book.getSheet(sheetName);
            if (sheet == null) {
                problems.add(0, "sheet", "no sheet named '" + sheetName + "' in the workbook");
                return 0;
            }
            int first = sheet.getFirstRowNum();
            if (isTitle(sheet, first)) first++;
            int last = headerEnd(sheet, first);
            int width = width(sheet, first, last);
            List<String> head = headerTexts(sheet, first, last, width);
            if (!header.accept(head)) return 0;
            int n = 0;
            for (int r = last + 1; r <= sheet.getLastRowNum(); r++) {
                List<String> values = values(sheet.getRow(r), width);
                if (values.stream().allMatch(String::isEmpty)) continue;
                n++;
                rows.accept(new Tables.TableRow(n, values, String.join(",", values)));
            }
            return n;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Workbook open(InputStream in, Problems problems) {
        try {
            return new XSSFWorkbook(in);
        } catch (IOException | RuntimeException e) { // POI reports a non-xlsx file with runtime exceptions
            problems.add(0, null, "not a readable .xlsx workbook: " + e.getMessage());
            return null;
        }
    }

    /** A row that is one merged cell spanning the table: a title such as "中河街道12345工单导出". */
    private static boolean isTitle(Sheet sheet, int row) {
        for (CellRangeAddress m : sheet.getMergedRegions()) {
            if (m.getFirstRow() == row && m.getLastRow() == row && m.getNumberOfCells() >= 3) {
                Row next = sheet.getRow(row + 1);
                return next != null && next.getLastCellNum() - 1 <= m.getLastColumn();
            }
        }
        return false;
    }

    /** The last header row: merged cells starting in the first header row may extend it downwards. */
    private static int headerEnd(Sheet sheet, int first) {
        int last = first;
        for (CellRangeAddress m : sheet.getMergedRegions()) {
            if (m.getFirstRow() == first && m.getLastRow() < first + 4) last = Math.max(last, m.getLastRow());
        }
        return last;
    }

    private static int width(Sheet sheet, int first, int last) {
        int w = 0;
        for (int r = first; r <= last; r++) {
            Row row = sheet.getRow(r);
            if (row != null) w = Math.max(w, row.getLastCellNum());
        }
        return w;
    }

    private static List<String> headerTexts(Sheet sheet, int first, int last, int width) {
        List<String> head = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String text = "";
            for (int r = first; r <= last; r++) {
                String v = text(mergedCell(sheet, r, c));
                if (!v.isEmpty()) text = v; // the lowest non-empty text is the most specific
            }
            head.add(text);
        }
        return head;
    }

    /** The cell holding the value at (r, c): the top-left cell of a merged region covering it. */
    private static Cell mergedCell(Sheet sheet, int r, int c) {
        for (CellRangeAddress m : sheet.getMergedRegions()) {
            if (m.isInRange(r, c)) {
                Row top = sheet.getRow(m.getFirstRow());
                return top == null ? null : top.getCell(m.getFirstColumn());
            }
        }
        Row row = sheet.getRow(r);
        return row == null ? null : row.getCell(c);
    }

    private static List<String> values(Row row, int width) {
        List<String> values = new ArrayList<>(width);
        for (int c = 0; c < width; c++) values.add(row == null ? "" : text(row.getCell(c)));
        return values;
    }

    static String text(Cell cell) {
        if (cell == null) return "";
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().strip();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case NUMERIC ->
                DateUtil.isCellDateFormatted(cell)
                        ? cell.getLocalDateTimeCellValue().format(LOCAL)
                        : BigDecimal.valueOf(cell.getNumericCellValue())
                                .stripTrailingZeros()
                                .toPlainString();
            default -> "";
        };
    }
}
