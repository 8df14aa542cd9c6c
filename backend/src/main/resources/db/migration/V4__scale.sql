-- Generated data sets loaded at scale (scripts/bench): which one is in this database, so a second run reuses it.
CREATE TABLE scale_dataset (
    name                 text PRIMARY KEY,      -- 'district', 'city' or 'streets-K'
    seed                 bigint NOT NULL,
    streets              integer NOT NULL,
    incidents_per_street integer NOT NULL,
    grids                integer NOT NULL,
    buildings            integer NOT NULL,
    households           bigint NOT NULL,
    incidents            bigint NOT NULL,
    load_seconds         numeric NOT NULL,      -- generation + COPY + index build, wall clock
    loaded_at            timestamptz NOT NULL DEFAULT now()
);
