package org.gridatlas.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the problems of one file, with the original text of the rows at fault for the reject report. Keeps the
 * first {@value #KEPT} problems (counts stay exact) so a broken million-row file does not fill the memory; the
 * problem+json answer shows the first {@value #MAX}.
 */
public final class Problems {
    public static final int MAX = 200;
    public static final int KEPT = 10_000;
    private final List<RowProblem> list = new ArrayList<>();
    private final Map<Integer, String> raw = new HashMap<>();
    private int count;
    private int rows;
    private int lastRow = -1;
    private boolean fileProblem;

    public void add(int row, String field, String reason) {
        count++;
        if (row == 0) fileProblem = true;
        if (row != lastRow) {
            rows++;
            lastRow = row;
        }
        if (list.size() < KEPT) list.add(new RowProblem(row, field, reason));
    }

    /** The original text of a row that has a problem (kept for the reject report). */
    public void raw(int row, String text) {
        if (raw.size() < KEPT) raw.putIfAbsent(row, text);
    }

    public String rawOf(int row) {
        return raw.get(row);
    }

    /** Whether the file as a whole has a problem (row 0): then no row of it is stored, whatever the options. */
    public boolean fileProblem() {
        return fileProblem;
    }

    public boolean any() {
        return count > 0;
    }

    public int count() {
        return count;
    }

    /** Rows (or the file, as row 0) with at least one problem. */
    public int rejectedRows() {
        return rows;
    }

    public List<RowProblem> list() {
        return List.copyOf(list);
    }

    /** Throws when anything was found: the transaction of the import rolls back, nothing is left. */
    public void throwIfAny() {
        if (count > 0) throw new ImportRejectedException(list, this);
    }
}
