package org.gridatlas.ingest;

import java.io.InputStream;
import java.nio.charset.Charset;
import org.gridatlas.security.Scope;

/**
 * Reads one kind of file into the store. Each capability owns the importer of its records; {@link ImportService}
 * runs it inside one transaction, so an importer records problems with {@link Problems} and throws at the end: a
 * file with a bad row leaves nothing behind (unless the user asked to skip bad rows).
 */
public interface Importer {
    ImportKind kind();

    /** Which roles may import this kind (the rows must also lie in the user's scope). */
    boolean allowedFor(Scope scope);

    ImportCounts load(Source source, Context context);

    /** For tabular kinds: field → the header synonyms it is found under (the mapping preview); else null. */
    default java.util.Map<String, java.util.List<String>> columns() {
        return null;
    }

    /**
     * The file.
     *
     * @param charset the text encoding, or null when it is to be detected (UTF-8 / GB18030)
     */
    record Source(InputStream in, Charset charset, String fileName, ImportOptions options) {
        public Source(InputStream in, Charset charset, String fileName) {
            this(in, charset, fileName, ImportOptions.DEFAULT);
        }

        /** The charset given, else UTF-8 (the formats of gis-data/schemas). */
        @Override
        public Charset charset() {
            return charset == null ? java.nio.charset.StandardCharsets.UTF_8 : charset;
        }

        public boolean charsetGiven() {
            return charset != null;
        }
    }

    /**
     * The job and the user it runs for.
     *
     * @param problems where the rows at fault go (ImportService stores them as the reject report)
     * @param progress told the rows done after every batch
     */
    record Context(long jobId, Scope scope, String username, Problems problems, Progress progress) {
        public Context(long jobId, Scope scope, String username) {
            this(jobId, scope, username, new Problems(), rows -> {});
        }
    }

    /** Receives the number of rows done so far (from the import's thread; must not join its transaction). */
    interface Progress {
        void rowsDone(int rows);
    }
}
