package org.gridatlas.bench;

import java.util.Collection;
import org.gridatlas.sample.CopyEncodingJmh;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * In-process micro-benchmark with JMH (one fork, 3 warm-up and 10 measured iterations of 1 s): the scale loader's
 * COPY-text encoding of 10,000 incident rows against Commons CSV writing the same fields (the file sink's format).
 * The samples are JMH's per-iteration averages.
 */
final class CopyEncodingBenchmark implements Benchmark {
    @Override
    public String name() {
        return "jmh.copy-encoding";
    }

    @Override
    public String workload() {
        return "JMH: encode 10,000 generated incident rows as COPY text (CopyText), ms per 10,000 rows, per iteration";
    }

    @Override
    public String reference() {
        return "JMH: Commons CSV printing the same 16 fields of the same rows";
    }

    @Override
    public String unit() {
        return "ms";
    }

    @Override
    public Comparison run(BenchContext context) throws Exception {
        Options options = new OptionsBuilder()
                .include(CopyEncodingJmh.class.getName() + ".")
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(10)
                .measurementTime(TimeValue.seconds(1))
                .jvmArgs("-Xmx1g")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Samples copy = null;
        Samples csv = null;
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            Samples s = iterations(r);
            if (method.endsWith(".copyText")) copy = s;
            if (method.endsWith(".csv")) csv = s;
        }
        if (copy == null || csv == null) throw new IllegalStateException("JMH returned no result");
        return new Comparison(copy, csv);
    }

    private static Samples iterations(RunResult r) {
        var iterations = r.getBenchmarkResults().iterator().next().getIterationResults();
        double[] v = new double[iterations.size()];
        int i = 0;
        for (IterationResult it : iterations) v[i++] = it.getPrimaryResult().getScore();
        return new Samples(v);
    }
}
