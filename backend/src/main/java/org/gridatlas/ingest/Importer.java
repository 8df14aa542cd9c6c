package org.gridatlas.ingest;

import java.io.InputStream;
import java.nio.charset.Charset;
import org.gridatlas.security.Scope;

/**
 * Reads one kind of file into the store. Each capability owns the importer of its records; {@link ImportService}
 * runs it inside one transaction, so an importer records problems with {@link Problems} and throws at the end: a
 * file with a bad row leaves nothing behind.
 */
public interface Importer {
    ImportKind kind();

    /** Which roles may import this kind (the rows must also lie in the user's scope). */
    boolean allowedFor(Scope scope);

    ImportCounts load(Source source, Context context);

    /** The file. */
    record Source(InputStream in, Charset charset, String fileName) {}

    /** The job and the user it runs for. */
    record Context(long jobId, Scope scope, String username) {}
}
