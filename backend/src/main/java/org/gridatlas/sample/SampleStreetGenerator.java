package org.gridatlas.sample;

import java.io.IOException;
import java.util.Locale;

/**
 * Generates GridAtlas's synthetic sample street (中河街道, 330212008, in 鄞州区, Ningbo) — or, with
 * {@code --scale k}, k streets side by side for district and city benchmarks — deterministically from a seed.
 *
 * <pre>
 * scripts/generate-sample [--seed 20260101] [--scale 1] [--out gis-data/sample] [--incidents 50000]
 * </pre>
 *
 * <p>See gis-data/sample/README.md for what the files contain and which faults are planted.
 */
public final class SampleStreetGenerator {
    private SampleStreetGenerator() {}

    public static void main(String[] args) throws IOException {
        GeneratorOptions options;
        try {
            options = GeneratorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        Manifest manifest;
        try (FileSampleSink sink = new FileSampleSink(options.out())) {
            manifest = generate(options, sink);
        }
        System.err.printf(
                Locale.ROOT,
                "wrote %s: %d streets, %d grids, %d buildings, %d households, %d workers, %d incidents in %.1f s%n",
                options.out(),
                manifest.counts().streets(),
                manifest.counts().grids(),
                manifest.counts().buildings(),
                manifest.households(),
                manifest.counts().workers(),
                manifest.counts().incidents(),
                (System.nanoTime() - start) / 1e9);
    }

    /** Generates every street of the run into the sink and returns the manifest it was given. */
    public static Manifest generate(GeneratorOptions options, SampleSink sink) throws IOException {
        UtmProjection projection = UtmProjection.create();
        StreetGenerator generator = new StreetGenerator(options.seed(), projection, options.incidentsPerStreet());
        ManifestBuilder manifest = new ManifestBuilder(options);
        for (int number : options.streetNumbers()) {
            long start = System.nanoTime();
            StreetSample street = generator.generate(StreetSpec.of(number, projection));
            sink.accept(street);
            manifest.add(street);
            System.err.printf(
                    Locale.ROOT,
                    "street %s %s: %d grids, %d buildings, %d incidents (%.1f s)%n",
                    street.street().code(),
                    street.street().name(),
                    street.grids().size(),
                    street.buildings().size(),
                    street.incidents().size(),
                    (System.nanoTime() - start) / 1e9);
        }
        Manifest result = manifest.build();
        sink.finish(result);
        return result;
    }
}
