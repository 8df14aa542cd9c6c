package org.gridatlas.sample;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH micro-benchmark run by scripts/bench (see org.gridatlas.bench.CopyEncodingBenchmark): encoding 10,000 incident
 * rows of a generated street in COPY text, as the scale loader does, against writing the same fields as CSV with
 * Commons CSV, as the file sink does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CopyEncodingJmh {
    private List<IncidentRow> rows;

    @Setup
    public void generate() {
        UtmProjection projection = UtmProjection.create();
        rows = new StreetGenerator(GeneratorOptions.DEFAULT_SEED, projection, 10_000)
                .generate(StreetSpec.of(8, projection))
                .incidents();
    }

    @Benchmark
    public int copyText() {
        CopyText t = new CopyText();
        for (IncidentRow i : rows) {
            t.add(i.externalId())
                    .add(i.source())
                    .add(i.categoryBig())
                    .add(i.categorySmall())
                    .add(i.description());
            t.add(i.reportedAt())
                    .add(i.acceptedAt())
                    .add(i.dispatchedAt())
                    .add(i.resolvedAt())
                    .add(i.closedAt());
            t.add(i.status())
                    .add(i.resolutionLevel())
                    .add(i.satisfaction())
                    .add(i.lon())
                    .add(i.lat());
            t.add(i.address()).end();
        }
        return t.text().length();
    }

    @Benchmark
    public int csv() throws IOException {
        StringWriter out = new StringWriter(1 << 16);
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            for (IncidentRow i : rows) {
                p.printRecord(
                        i.externalId(),
                        i.source(),
                        i.categoryBig(),
                        i.categorySmall(),
                        i.description(),
                        i.reportedAt(),
                        i.acceptedAt(),
                        i.dispatchedAt(),
                        i.resolvedAt(),
                        i.closedAt(),
                        i.status(),
                        i.resolutionLevel(),
                        i.satisfaction(),
                        i.lon(),
                        i.lat(),
                        i.address());
            }
        }
        return out.getBuffer().length();
    }
}
