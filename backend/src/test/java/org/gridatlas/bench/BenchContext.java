package org.gridatlas.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * What a benchmark gets: the scale database (JDBC), the running service (HTTP over loopback with a session cookie,
 * signed in through the sign-in form as an admin of every street, as the pages are: HTTP Basic would verify the
 * BCrypt hash on every request), the number of warm-up and measured runs, and a timing helper.
 *
 * @param http client holding the session cookie
 * @param runs measured runs per side
 * @param warmup unmeasured runs per side before them
 */
public record BenchContext(
        String jdbcUrl, String dbUser, String dbPassword, String baseUrl, HttpClient http, int runs, int warmup) {

    /** The same context with at most this many measured and warm-up runs (for workloads of seconds per run). */
    public BenchContext atMost(int maxRuns, int maxWarmup) {
        return new BenchContext(
                jdbcUrl, dbUser, dbPassword, baseUrl, http, Math.min(runs, maxRuns), Math.min(warmup, maxWarmup));
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
    }

    /** GET on the service; fails on any status but 200. */
    public byte[] get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).build();
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + path + " → " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    /** POST of a JSON body on the service; fails on any status but 200 and 201, and returns the body. */
    public byte[] post(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200 && r.statusCode() != 201) {
            throw new IllegalStateException(
                    "POST " + path + " → " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    /** The session's CSRF token (cookie XSRF-TOKEN, sent back as a header as the pages do). */
    private String csrfToken() throws Exception {
        for (int attempt = 0; attempt < 2; attempt++) {
            var cookies = ((CookieManager) http.cookieHandler().orElseThrow())
                    .getCookieStore()
                    .getCookies();
            for (var c : cookies) if (c.getName().equals("XSRF-TOKEN")) return c.getValue();
            get("/api/me"); // any page request renders the token cookie
        }
        throw new IllegalStateException("the service set no XSRF-TOKEN cookie");
    }

    /** Signs in through the form (POST /login) and returns a client that keeps the session cookie. */
    static HttpClient signIn(String baseUrl, String user, String password) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in as " + user + " failed: " + r.statusCode() + " → " + location);
        }
        return http;
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
        return measure(items, action, false);
    }

    /**
     * As {@link #measure(List, Action)}; with {@code warmEach}, every item that will be measured is first run once
     * unmeasured, so a "warm" figure does not depend on which side read a page from disk first.
     */
    public <T> Samples measure(List<T> items, Action<T> action, boolean warmEach) throws Exception {
        if (warmEach) {
            for (int i = 0; i < Math.min(runs, items.size()); i++) action.run(items.get(i));
        }
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

    /** As {@link #measure}, with an untimed {@code setup} on the item before each call (warm-up ones too). */
    public <T> Samples measureAfter(List<T> items, Action<T> setup, Action<T> action) throws Exception {
        for (int i = 0; i < warmup; i++) {
            setup.run(items.get(i % items.size()));
            action.run(items.get(i % items.size()));
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            T item = items.get((warmup + i) % items.size());
            setup.run(item);
            long start = System.nanoTime();
            action.run(item);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        return new Samples(ms);
    }
}
