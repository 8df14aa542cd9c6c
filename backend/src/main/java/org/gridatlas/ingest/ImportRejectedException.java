package org.gridatlas.ingest;

import java.util.List;

/** A file refused as a whole (nothing of it is stored), with the rows at fault. */
public class ImportRejectedException extends RuntimeException {
    private final List<RowProblem> problems;
    private final transient Problems source;
    private final Long jobId;

    public ImportRejectedException(List<RowProblem> problems, Long jobId) {
        this(problems, null, jobId);
    }

    public ImportRejectedException(List<RowProblem> problems) {
        this(problems, null, null);
    }

    ImportRejectedException(List<RowProblem> problems, Problems source) {
        this(problems, source, null);
    }

    private ImportRejectedException(List<RowProblem> problems, Problems source, Long jobId) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
        this.source = source;
        this.jobId = jobId;
    }

    /** Every kept problem (the answer shows the first {@link Problems#MAX}, the reject report all of them). */
    public List<RowProblem> problems() {
        return problems;
    }

    /** The first problems, as many as an answer should carry. */
    public List<RowProblem> firstProblems() {
        return problems.size() <= Problems.MAX ? problems : problems.subList(0, Problems.MAX);
    }

    /** The collector with the original rows, when the problems came from reading a file. */
    public Problems source() {
        return source;
    }

    public Long jobId() {
        return jobId;
    }

    public ImportRejectedException withJob(long id) {
        return new ImportRejectedException(problems, source, id);
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
