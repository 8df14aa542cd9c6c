package org.gridatlas.sample;

/** A grid worker (网格员) as written to workers.csv. */
public record WorkerRow(String code, String name, String phone, String kind, String communityCode) {}
