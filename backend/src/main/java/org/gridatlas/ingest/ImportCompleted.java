package org.gridatlas.ingest;

/**
 * Published once an import job has stored its rows (after its transaction), for capabilities that keep derived data
 * of the imported tables (the heat map rebuilds the months the import touched).
 *
 * @param kind what was imported
 * @param jobId the import job
 */
public record ImportCompleted(ImportKind kind, long jobId) {}
