package org.gridatlas.ingest;

/**
 * Why one record of an imported file was refused.
 *
 * @param row the data row (CSV: 1 = first row under the header) or feature number (GeoJSON: 1 = first feature); 0
 *     for a problem of the whole file
 * @param field the column or property at fault, or null
 * @param reason what is wrong, in words a user can act on
 */
public record RowProblem(int row, String field, String reason) {}
