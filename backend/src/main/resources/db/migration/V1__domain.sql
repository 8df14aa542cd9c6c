-- The whole GridAtlas domain: 区 district → 街道 street → 社区 community → 网格 grid → 楼栋 building → 户 household,
-- staff and their duties, incidents and their lifecycle, boundary plans with history, norms, users, imports.
-- Every geometry is SRID 4326 (lon/lat) with a type modifier, an explicit SRID check, a validity check and a GiST index.
-- Areas and distances are computed with the geography type or a metric CRS, never in degrees.

CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- ---------------------------------------------------------------------------------------------------------------
-- Administrative hierarchy
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE street (
    code          text PRIMARY KEY,
    name          text NOT NULL,
    district_code text NOT NULL,
    district_name text NOT NULL,
    geom          geometry(MultiPolygon, 4326) NOT NULL,
    CONSTRAINT street_code_format CHECK (code ~ '^[0-9]{9}$'),
    CONSTRAINT street_district_prefix CHECK (district_code ~ '^[0-9]{6}$' AND left(code, 6) = district_code),
    CONSTRAINT street_geom_srid CHECK (ST_SRID(geom) = 4326),
    CONSTRAINT street_geom_valid CHECK (ST_IsValid(geom))
);
CREATE INDEX street_geom_gist ON street USING gist (geom);

CREATE TABLE community (
    code        text PRIMARY KEY,
    street_code text NOT NULL REFERENCES street (code),
    name        text NOT NULL,
    geom        geometry(MultiPolygon, 4326) NOT NULL,
    CONSTRAINT community_code_format CHECK (code ~ '^[0-9]{12}$'),
    CONSTRAINT community_street_prefix CHECK (left(code, 9) = street_code),
    CONSTRAINT community_geom_srid CHECK (ST_SRID(geom) = 4326),
    CONSTRAINT community_geom_valid CHECK (ST_IsValid(geom))
);
CREATE INDEX community_geom_gist ON community USING gist (geom);
CREATE INDEX community_street ON community (street_code);

-- ---------------------------------------------------------------------------------------------------------------
-- Boundary plans: grids belong to a plan; a street has at most one published plan at a time.
-- A plan may be scoped to one community (community_code) or cover the whole street (NULL).
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE boundary_plan (
    id             bigserial PRIMARY KEY,
    street_code    text NOT NULL REFERENCES street (code),
    community_code text REFERENCES community (code),
    name           text NOT NULL,
    status         text NOT NULL DEFAULT 'draft',
    based_on       bigint REFERENCES boundary_plan (id),
    author         text NOT NULL,
    note           text,
    version        integer NOT NULL DEFAULT 0, -- optimistic lock: every saved edit increments it
    created_at     timestamptz NOT NULL DEFAULT now(),
    published_at   timestamptz,
    archived_at    timestamptz,
    CONSTRAINT plan_status CHECK (status IN ('draft', 'published', 'archived')),
    CONSTRAINT plan_community_in_street CHECK (community_code IS NULL OR left(community_code, 9) = street_code),
    CONSTRAINT plan_published_time CHECK (status = 'draft' OR published_at IS NOT NULL)
);
CREATE UNIQUE INDEX plan_one_published_per_street ON boundary_plan (street_code) WHERE status = 'published';

-- Plan history: every edit, publish and archive, in order (undo/redo and audit).
CREATE TABLE plan_event (
    id         bigserial PRIMARY KEY,
    plan_id    bigint NOT NULL REFERENCES boundary_plan (id) ON DELETE CASCADE,
    seq        integer NOT NULL,
    kind       text NOT NULL,  -- created, reshape, split, merge, move_buildings, create, delete, publish, archive, undo, redo
    payload    jsonb NOT NULL DEFAULT '{}'::jsonb,
    author     text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (plan_id, seq)
);

CREATE TABLE grid (
    id             bigserial PRIMARY KEY,
    plan_id        bigint NOT NULL REFERENCES boundary_plan (id) ON DELETE CASCADE,
    code           text NOT NULL,
    community_code text NOT NULL REFERENCES community (code),
    name           text NOT NULL,
    geom           geometry(MultiPolygon, 4326) NOT NULL,
    CONSTRAINT grid_code_format CHECK (code ~ '^[0-9]{15}$'),
    CONSTRAINT grid_community_prefix CHECK (left(code, 12) = community_code),
    CONSTRAINT grid_geom_srid CHECK (ST_SRID(geom) = 4326),
    CONSTRAINT grid_geom_valid CHECK (ST_IsValid(geom)),
    CONSTRAINT grid_geom_not_empty CHECK (NOT ST_IsEmpty(geom)),
    UNIQUE (plan_id, code)
);
CREATE INDEX grid_geom_gist ON grid USING gist (geom);
CREATE INDEX grid_plan_community ON grid (plan_id, community_code);

-- ---------------------------------------------------------------------------------------------------------------
-- Buildings and households (plan-independent; building → grid is computed per plan)
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE building (
    id             bigserial PRIMARY KEY,
    code           text NOT NULL UNIQUE,
    community_code text NOT NULL REFERENCES community (code),
    address        text NOT NULL,
    address_norm   text NOT NULL, -- address normalised for geocoding (full-width digits, 栋/幢 forms, spaces)
    compound       text,          -- residential compound 小区
    type           text NOT NULL,
    floors         integer NOT NULL,
    units          integer NOT NULL DEFAULT 0,
    households     integer NOT NULL,
    residents      integer NOT NULL,
    has_elevator   boolean NOT NULL DEFAULT false,
    built_year     integer,
    footprint      geometry(MultiPolygon, 4326) NOT NULL,
    point          geometry(Point, 4326) GENERATED ALWAYS AS (ST_PointOnSurface(footprint)) STORED,
    CONSTRAINT building_type CHECK (type IN ('old', 'commercial', 'resettlement', 'public_rental', 'other')),
    CONSTRAINT building_floors CHECK (floors BETWEEN 1 AND 200),
    CONSTRAINT building_counts CHECK (units >= 0 AND households >= 0 AND residents >= 0),
    CONSTRAINT building_built_year CHECK (built_year IS NULL OR built_year BETWEEN 1800 AND 2100),
    CONSTRAINT building_geom_srid CHECK (ST_SRID(footprint) = 4326),
    CONSTRAINT building_geom_valid CHECK (ST_IsValid(footprint))
);
CREATE INDEX building_footprint_gist ON building USING gist (footprint);
CREATE INDEX building_point_gist ON building USING gist (point);
CREATE INDEX building_community ON building (community_code);
CREATE INDEX building_address_trgm ON building USING gin (address_norm gin_trgm_ops);

-- ---------------------------------------------------------------------------------------------------------------
-- Staff and duties. name and phone are personal data: never in tiles, GIS exports or logs.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE worker (
    id             bigserial PRIMARY KEY,
    code           text NOT NULL UNIQUE,
    name           text NOT NULL,
    phone          text,
    kind           text NOT NULL,
    community_code text NOT NULL REFERENCES community (code),
    active         boolean NOT NULL DEFAULT true,
    CONSTRAINT worker_kind CHECK (kind IN ('full_time', 'instructor', 'part_time', 'building_leader',
                                           'party_member', 'volunteer', 'mobile')),
    CONSTRAINT worker_phone_format CHECK (phone IS NULL OR phone ~ '^[0-9+\- ]{5,20}$')
);
COMMENT ON COLUMN worker.name IS 'personal data';
COMMENT ON COLUMN worker.phone IS 'personal data';
CREATE INDEX worker_community ON worker (community_code);

-- A duty of a worker on a grid (by code, so it survives plan changes) or on a building.
CREATE TABLE assignment (
    id            bigserial PRIMARY KEY,
    worker_id     bigint NOT NULL REFERENCES worker (id) ON DELETE CASCADE,
    grid_code     text,
    building_id   bigint REFERENCES building (id) ON DELETE CASCADE,
    role          text NOT NULL,
    households    integer,  -- households paired (党员联户)
    valid_from    date NOT NULL,
    valid_to      date,
    CONSTRAINT assignment_target CHECK (grid_code IS NOT NULL OR building_id IS NOT NULL),
    CONSTRAINT assignment_grid_code CHECK (grid_code IS NULL OR grid_code ~ '^[0-9]{15}$'),
    CONSTRAINT assignment_role CHECK (role IN ('grid_chief', 'instructor', 'part_time', 'building_leader',
                                               'party_member', 'volunteer', 'mobile')),
    CONSTRAINT assignment_households CHECK (households IS NULL OR households >= 0),
    CONSTRAINT assignment_period CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX assignment_worker ON assignment (worker_id);
CREATE INDEX assignment_grid ON assignment (grid_code);
CREATE INDEX assignment_building ON assignment (building_id);

-- ---------------------------------------------------------------------------------------------------------------
-- Norms: configurable bands per deployment (street_code NULL) or per street.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE norm_band (
    id          bigserial PRIMARY KEY,
    street_code text REFERENCES street (code),
    metric      text NOT NULL,
    min_value   numeric NOT NULL,
    max_value   numeric NOT NULL,
    target      numeric,
    CONSTRAINT norm_metric CHECK (metric IN ('households_per_grid', 'residents_per_grid',
                                             'households_per_full_time_worker', 'households_per_party_member')),
    CONSTRAINT norm_min_le_max CHECK (min_value <= max_value),
    CONSTRAINT norm_target_in_band CHECK (target IS NULL OR target BETWEEN min_value AND max_value)
);
CREATE UNIQUE INDEX norm_band_scope ON norm_band (coalesce(street_code, ''), metric);
-- Defaults of the field (DESIGN.md): 300–500 households and at most 2,500 residents per grid,
-- about 250 households per full-time worker (160–300 seen), 5 households per party member.
INSERT INTO norm_band (street_code, metric, min_value, max_value, target) VALUES
    (NULL, 'households_per_grid', 300, 500, 400),
    (NULL, 'residents_per_grid', 0, 2500, NULL),
    (NULL, 'households_per_full_time_worker', 160, 300, 250),
    (NULL, 'households_per_party_member', 5, 5, 5);

-- ---------------------------------------------------------------------------------------------------------------
-- Incidents (事件/工单) and their lifecycle
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE incident_category (
    code        text PRIMARY KEY,
    parent_code text REFERENCES incident_category (code),
    name        text NOT NULL,
    name_en     text NOT NULL,
    CONSTRAINT category_code_format CHECK ((parent_code IS NULL AND code ~ '^[0-9]{2}$')
        OR (parent_code IS NOT NULL AND code ~ '^[0-9]{4}$' AND left(code, 2) = parent_code)),
    UNIQUE (parent_code, name)
);

CREATE TABLE import_job (
    id             bigserial PRIMARY KEY,
    kind           text NOT NULL,
    format         text NOT NULL,
    file_name      text,
    status         text NOT NULL DEFAULT 'running',
    rows_total     integer,
    rows_done      integer NOT NULL DEFAULT 0,
    inserted       integer NOT NULL DEFAULT 0,
    updated        integer NOT NULL DEFAULT 0,
    rejected       integer NOT NULL DEFAULT 0,
    unmatched      integer NOT NULL DEFAULT 0,
    created_by     text NOT NULL,
    street_code    text REFERENCES street (code),
    started_at     timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz,
    message        text,
    CONSTRAINT import_status CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled'))
);

CREATE TABLE import_reject (
    id         bigserial PRIMARY KEY,
    job_id     bigint NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    row_number integer NOT NULL,
    field      text,
    reason     text NOT NULL,
    raw        text
);
CREATE INDEX import_reject_job ON import_reject (job_id, row_number);

CREATE TABLE incident (
    id               bigserial PRIMARY KEY,
    external_id      text NOT NULL UNIQUE,
    source           text NOT NULL,
    category_code    text NOT NULL REFERENCES incident_category (code), -- the small class
    category_big     text NOT NULL REFERENCES incident_category (code), -- its big class (denormalised for filters)
    description      text,
    reported_at      timestamptz NOT NULL,
    accepted_at      timestamptz,
    dispatched_at    timestamptz,
    resolved_at      timestamptz,
    closed_at        timestamptz,
    status           text NOT NULL,
    resolution_level text,
    satisfaction     smallint,
    location         geometry(Point, 4326),
    address          text,
    geocode_quality  text NOT NULL,
    geocode_score    real,
    building_id      bigint REFERENCES building (id) ON DELETE SET NULL,
    street_code      text REFERENCES street (code),
    community_code   text REFERENCES community (code),
    grid_code        text,          -- grid in force at reported_at
    grid_plan_id     bigint REFERENCES boundary_plan (id), -- the plan that grid_code was read from
    reporter_name    text,          -- personal data
    reporter_phone   text,          -- personal data
    import_job_id    bigint REFERENCES import_job (id) ON DELETE SET NULL,
    CONSTRAINT incident_source CHECK (source IN ('hotline_12345', 'patrol', 'snapshot', 'video', 'desk', 'other')),
    CONSTRAINT incident_status CHECK (status IN ('reported', 'accepted', 'dispatched', 'resolved', 'closed')),
    CONSTRAINT incident_level CHECK (resolution_level IS NULL OR resolution_level IN ('community', 'department', 'street')),
    CONSTRAINT incident_satisfaction CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
    CONSTRAINT incident_geocode CHECK (geocode_quality IN ('coordinates', 'exact', 'fuzzy', 'manual', 'unmatched')),
    CONSTRAINT incident_located CHECK ((location IS NULL) = (geocode_quality = 'unmatched')),
    CONSTRAINT incident_geom_srid CHECK (location IS NULL OR ST_SRID(location) = 4326),
    CONSTRAINT incident_order CHECK (
        (accepted_at IS NULL OR accepted_at >= reported_at)
        AND (dispatched_at IS NULL OR dispatched_at >= coalesce(accepted_at, reported_at))
        AND (resolved_at IS NULL OR resolved_at >= coalesce(dispatched_at, accepted_at, reported_at))
        AND (closed_at IS NULL OR closed_at >= coalesce(resolved_at, dispatched_at, accepted_at, reported_at))),
    CONSTRAINT incident_status_times CHECK (
        (status <> 'closed' OR closed_at IS NOT NULL)
        AND (status NOT IN ('resolved', 'closed') OR resolved_at IS NOT NULL)),
    CONSTRAINT incident_grid_code CHECK (grid_code IS NULL OR grid_code ~ '^[0-9]{15}$')
);
COMMENT ON COLUMN incident.reporter_name IS 'personal data';
COMMENT ON COLUMN incident.reporter_phone IS 'personal data';
CREATE INDEX incident_location_gist ON incident USING gist (location);
CREATE INDEX incident_reported_brin ON incident USING brin (reported_at);
CREATE INDEX incident_grid ON incident (grid_code, reported_at);
CREATE INDEX incident_community ON incident (community_code, reported_at);
CREATE INDEX incident_street ON incident (street_code, reported_at);
CREATE INDEX incident_unmatched ON incident (street_code) WHERE geocode_quality = 'unmatched';

-- Lifecycle history: who moved an incident to which status, when.
CREATE TABLE incident_event (
    id          bigserial PRIMARY KEY,
    incident_id bigint NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    status      text NOT NULL,
    at          timestamptz NOT NULL,
    actor       text NOT NULL,
    note        text
);
CREATE INDEX incident_event_incident ON incident_event (incident_id, at);

-- ---------------------------------------------------------------------------------------------------------------
-- Users and roles: admin, planner and supervisor are scoped to a street (admin may be NULL = every street),
-- a grid chief to a community.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE app_user (
    username       text PRIMARY KEY,
    password_hash  text NOT NULL, -- BCrypt
    role           text NOT NULL,
    street_code    text REFERENCES street (code),
    community_code text REFERENCES community (code),
    enabled        boolean NOT NULL DEFAULT true,
    demo           boolean NOT NULL DEFAULT false, -- created with the sample street
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT user_role CHECK (role IN ('admin', 'planner', 'supervisor', 'grid_chief')),
    CONSTRAINT user_scope CHECK (
        (role = 'admin' AND community_code IS NULL)
        OR (role IN ('planner', 'supervisor') AND street_code IS NOT NULL AND community_code IS NULL)
        OR (role = 'grid_chief' AND community_code IS NOT NULL AND street_code = left(community_code, 9)))
);

-- A duty is known by worker, role, target and start: re-importing the same duty updates it.
CREATE UNIQUE INDEX assignment_natural_key
    ON assignment (worker_id, role, coalesce(grid_code, ''), coalesce(building_id, 0), valid_from);
