package org.gridatlas.bench;

/**
 * One benchmark of scripts/bench: a subject and the reference it is compared to, both measured in the same run.
 * To add one: implement this interface (measure with {@link BenchContext#measure}) and list it in
 * {@link BenchmarkSuite#all}. A benchmark that cannot run reports an exception; it never reports made-up figures.
 */
public interface Benchmark {
    /** Stable dotted name, e.g. {@code tiles.buildings}; {@code scripts/bench --only tiles} selects by prefix. */
    String name();

    /** One sentence: the workload measured. */
    String workload();

    /** One sentence: the reference and why it is a fair yardstick. */
    String reference();

    /** Unit of the samples, e.g. {@code ms} (lower is better) or {@code rows/s} (higher is better). */
    String unit();

    default boolean higherIsBetter() {
        return false;
    }

    /** Runs warm-up and measured runs of subject and reference. */
    Comparison run(BenchContext context) throws Exception;

    /** Samples of the subject and of its reference. */
    record Comparison(Samples subject, Samples reference) {}
}
