package org.gridatlas.ingest;

/**
 * What an import did.
 *
 * @param read records read from the file
 * @param inserted new records stored
 * @param updated existing records (same key) updated
 * @param unmatched records stored but not placed (incidents without a location, kept for review)
 * @param rejected rows left out because they had problems (only when bad rows are skipped)
 * @param swapped rows whose longitude and latitude were the wrong way round (swapped back)
 */
public record ImportCounts(int read, int inserted, int updated, int unmatched, int rejected, int swapped) {
    public ImportCounts(int read, int inserted, int updated, int unmatched) {
        this(read, inserted, updated, unmatched, 0, 0);
    }
}
