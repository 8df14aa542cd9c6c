package org.gridatlas.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of {@link SampleStreetGenerator}.
 *
 * @param seed seed of every random choice
 * @param scale number of streets: 1 = the sample street 330212008; k > 1 = streets 330212001..k side by side
 * @param out output folder
 * @param incidentsPerStreet incidents simulated per street
 */
public record GeneratorOptions(long seed, int scale, Path out, int incidentsPerStreet) {
    public static final long DEFAULT_SEED = 20260101L;
    public static final int DEFAULT_INCIDENTS = 50_000;

    public GeneratorOptions {
        if (scale < 1 || scale > 999) {
            throw new IllegalArgumentException("--scale must be a whole number of streets, 1–999: " + scale);
        }
        if (incidentsPerStreet < IncidentSimulator.ADDRESS_ONLY) {
            throw new IllegalArgumentException("--incidents must be at least " + IncidentSimulator.ADDRESS_ONLY);
        }
    }

    static GeneratorOptions parse(String... args) {
        long seed = DEFAULT_SEED;
        int scale = 1;
        Path out = Path.of("gis-data", "sample");
        int incidents = DEFAULT_INCIDENTS;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(required(args[i], value));
                case "--scale" -> scale = wholeNumber(required(args[i], value));
                case "--out" -> out = Path.of(required(args[i], value));
                case "--incidents" -> incidents = Integer.parseInt(required(args[i], value));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + usage());
            }
            i++;
        }
        return new GeneratorOptions(seed, scale, out, incidents);
    }

    /** Accepts "17" and "17.0", not "1.5": a street is not divisible. */
    private static int wholeNumber(String value) {
        double d = Double.parseDouble(value);
        if (d != Math.rint(d)) {
            throw new IllegalArgumentException("--scale must be a whole number of streets: " + value);
        }
        return (int) d;
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value\n" + usage());
        }
        return value;
    }

    static String usage() {
        return "usage: SampleStreetGenerator [--seed N] [--scale K] [--out DIR] [--incidents N]";
    }

    /** Numbers of the streets to generate. */
    List<Integer> streetNumbers() {
        if (scale == 1) {
            return List.of(8);
        }
        List<Integer> numbers = new ArrayList<>();
        for (int n = 1; n <= scale; n++) {
            numbers.add(n);
        }
        return numbers;
    }

    /** The command that reproduces the output (without the output folder, so the manifest does not depend on it). */
    String command() {
        String command = "scripts/generate-sample --seed " + seed + " --scale " + scale;
        return incidentsPerStreet == DEFAULT_INCIDENTS ? command : command + " --incidents " + incidentsPerStreet;
    }
}
