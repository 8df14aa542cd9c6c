package org.gridatlas.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * One {@code COPY … FROM STDIN} for a whole file, fed by a second thread: the import thread parses and checks the
 * next rows while this one encodes the previous batch and the database takes it in. Batches wait in a short queue
 * (a few batches: the memory stays that of a few thousand rows, and a fast reader waits for a slow database).
 *
 * <p>The COPY runs on the import transaction's connection, which nobody else uses until {@link #finish}: every
 * statement of the import runs before {@link #open} or after {@link #finish}. {@link #close} cancels a COPY that did
 * not finish (a refused file), so the transaction can roll back.
 *
 * @param <T> a checked row
 */
public final class BackgroundCopy<T> implements AutoCloseable {
    private static final List<?> END = List.of();
    private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(4);
    private final CopyIn copy;
    private final Function<List<T>, byte[]> encode;
    private final Thread thread;
    private volatile Throwable failure;
    private long rows;
    private boolean finished;

    private BackgroundCopy(CopyIn copy, Function<List<T>, byte[]> encode) {
        this.copy = copy;
        this.encode = encode;
        this.thread = new Thread(this::drain, "gridatlas-import-copy");
        this.thread.setDaemon(true);
    }

    /**
     * Starts {@code sql} (a {@code COPY … FROM STDIN}) on the connection.
     *
     * @param encode the bytes of a batch in the COPY's format
     */
    public static <T> BackgroundCopy<T> open(Connection con, String sql, Function<List<T>, byte[]> encode) {
        try {
            BackgroundCopy<T> c = new BackgroundCopy<>(
                    con.unwrap(PGConnection.class).getCopyAPI().copyIn(sql), encode);
            c.thread.start();
            return c;
        } catch (SQLException e) {
            throw new DataIntegrityViolationException("starting the COPY failed: " + e.getMessage(), e);
        }
    }

    /** Queues a batch (waits while the queue is full). */
    public void add(List<T> batch) {
        rethrow();
        if (batch.isEmpty()) return;
        put(batch);
    }

    /** Sends what is queued and ends the COPY. @return the rows the database took in */
    public long finish() {
        put(end());
        join();
        rethrow();
        try {
            rows = copy.endCopy();
        } catch (SQLException e) {
            throw new DataIntegrityViolationException("storing the rows failed: " + e.getMessage(), e);
        }
        finished = true;
        return rows;
    }

    /** Cancels a COPY that did not finish (the file was refused or something failed). */
    @Override
    public void close() {
        if (finished) return;
        thread.interrupt();
        join();
        try {
            if (copy.isActive()) copy.cancelCopy();
        } catch (SQLException e) {
            // the transaction rolls back anyway
        }
        finished = true;
    }

    private void drain() {
        try {
            for (List<T> batch = queue.take(); batch != END; batch = queue.take()) {
                byte[] bytes = encode.apply(batch);
                copy.writeToCopy(bytes, 0, bytes.length);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            failure = e;
            queue.clear(); // a waiting producer goes on and sees the failure at its next batch
        }
    }

    @SuppressWarnings("unchecked")
    private List<T> end() {
        return (List<T>) END;
    }

    private void put(List<T> batch) {
        try {
            while (!queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!thread.isAlive()) throw new IllegalStateException("the COPY thread stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing rows", e);
        }
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() {
        Throwable f = failure;
        if (f != null) throw new DataIntegrityViolationException("storing the rows failed: " + f.getMessage(), f);
    }
}
