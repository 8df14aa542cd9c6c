package org.gridatlas.ingest;

/**
 * How far a job is. The total number of rows of a streamed CSV is not known before its end, so the fraction is
 * that of the bytes read, and the total and the time left are estimated from it.
 *
 * @param rowsDone rows read so far
 * @param rowsTotal rows of the file: exact when finished, else estimated from the bytes read (null before the
 *     first batch)
 * @param fraction 0..1 of the file read
 * @param rowsPerSecond rows read per second since the start
 * @param etaSeconds estimated seconds to the end (0 when finished, null when unknown)
 */
public record ImportProgress(
        int rowsDone, Integer rowsTotal, double fraction, double rowsPerSecond, Double etaSeconds) {

    static ImportProgress of(boolean running, int rowsDone, long bytesDone, long bytesTotal, double seconds) {
        if (!running) return new ImportProgress(rowsDone, rowsDone, 1.0, rate(rowsDone, seconds), 0.0);
        double fraction = bytesTotal > 0 ? Math.min(1.0, (double) bytesDone / bytesTotal) : 0;
        Integer total = fraction > 0 && rowsDone > 0 ? (int) Math.round(rowsDone / fraction) : null;
        double rate = rate(rowsDone, seconds);
        Double eta = total == null || rate == 0 ? null : Math.max(0, (total - rowsDone) / rate);
        return new ImportProgress(rowsDone, total, fraction, rate, eta);
    }

    private static double rate(int rows, double seconds) {
        return seconds <= 0 ? 0 : Math.round(rows / seconds * 10) / 10.0;
    }
}
