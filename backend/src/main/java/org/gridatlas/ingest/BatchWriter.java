package org.gridatlas.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Gathers records and hands them to the database in batches (one round trip per batch, not per row). */
public final class BatchWriter<T> {
    private final int size;
    private final Consumer<List<T>> flush;
    private final List<T> pending = new ArrayList<>();

    public BatchWriter(int size, Consumer<List<T>> flush) {
        this.size = size;
        this.flush = flush;
    }

    public void add(T item) {
        pending.add(item);
        if (pending.size() >= size) flush();
    }

    public void flush() {
        if (pending.isEmpty()) return;
        flush.accept(List.copyOf(pending));
        pending.clear();
    }
}
