package org.gridatlas.ingest;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one file; keeps the first {@value #MAX} so a broken file does not fill the memory. */
public final class Problems {
    public static final int MAX = 200;
    private final List<RowProblem> list = new ArrayList<>();
    private int count;

    public void add(int row, String field, String reason) {
        count++;
        if (list.size() < MAX) list.add(new RowProblem(row, field, reason));
    }

    public boolean any() {
        return count > 0;
    }

    public int count() {
        return count;
    }

    /** Throws when anything was found: the transaction of the import rolls back, nothing is left. */
    public void throwIfAny() {
        if (count > 0) throw new ImportRejectedException(list);
    }
}
