package org.gridatlas.ingest;

import java.util.List;

/** A file refused as a whole (nothing of it is stored), with the rows at fault. */
public class ImportRejectedException extends RuntimeException {
    private final List<RowProblem> problems;
    private final Long jobId;

    public ImportRejectedException(List<RowProblem> problems, Long jobId) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
        this.jobId = jobId;
    }

    public ImportRejectedException(List<RowProblem> problems) {
        this(problems, null);
    }

    public List<RowProblem> problems() {
        return problems;
    }

    public Long jobId() {
        return jobId;
    }

    public ImportRejectedException withJob(long id) {
        return new ImportRejectedException(problems, id);
    }

    private static String describe(List<RowProblem> problems) {
        if (problems.isEmpty()) return "The file was rejected.";
        RowProblem first = problems.get(0);
        String where = first.row() == 0 ? "the file" : "row " + first.row();
        String field = first.field() == null ? "" : ", " + first.field();
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "";
        return "The file was rejected, nothing was stored: " + where + field + ": " + first.reason() + more;
    }
}
