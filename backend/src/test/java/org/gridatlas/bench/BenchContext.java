package org.gridatlas.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;

/**
 * What a benchmark gets: the scale database (JDBC), the running service (HTTP over loopback, signed in as an admin
 * of every street), the number of warm-up and measured runs, and a timing helper.
 *
 * @param runs measured runs per side
 * @param warmup unmeasured runs per side before them
 */
public record BenchContext(
        String jdbcUrl, String dbUser, String dbPassword, String baseUrl, String authorization, int runs, int warmup) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** GET on the service; fails on any status but 200. */
    public byte[] get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", authorization)
                .build();
        HttpResponse<byte[]> r = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + path + " → " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** One timed action on an item. */
    @FunctionalInterface
    public interface Action<T> {
        void run(T item) throws Exception;
    }

    /**
     * Runs {@code warmup} then {@code runs} calls of the action, cycling through the items, and returns the wall
     * time of each measured call in milliseconds.
     */
    public <T> Samples measure(List<T> items, Action<T> action) throws Exception {
        for (int i = 0; i < warmup; i++) action.run(items.get(i % items.size()));
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            T item = items.get(i % items.size());
            long start = System.nanoTime();
            action.run(item);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return new Samples(ms);
    }
}
