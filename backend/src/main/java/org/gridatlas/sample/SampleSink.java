package org.gridatlas.sample;

import java.io.IOException;

/**
 * Where generated streets go: files in the import formats ({@link FileSampleSink}) or, for benchmarks, straight
 * into a database. Streets arrive one at a time, so a sink never needs the whole district in memory.
 */
public interface SampleSink extends AutoCloseable {
    /** Receives one generated street. */
    void accept(StreetSample street) throws IOException;

    /** Receives the manifest after the last street. */
    void finish(Manifest manifest) throws IOException;

    @Override
    void close() throws IOException;
}
