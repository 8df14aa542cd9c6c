package org.gridatlas.ingest;

/**
 * What an import did.
 *
 * @param read records read from the file
 * @param inserted new records stored
 * @param updated existing records (same key) updated
 * @param unmatched records stored but not placed (incidents without a location, kept for review)
 */
public record ImportCounts(int read, int inserted, int updated, int unmatched) {}
