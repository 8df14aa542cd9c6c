-- Incident intake (issue 6): import jobs with progress and options, the normalised address of an incident for
-- geocoding, who changed an incident's lifecycle, and the record of grid re-assignments.

ALTER TABLE import_job
    ADD COLUMN bytes_total   bigint,           -- size of the file (progress of a streamed CSV is by bytes)
    ADD COLUMN bytes_done    bigint,
    ADD COLUMN encoding      text,             -- given or detected (UTF-8 / GB18030)
    ADD COLUMN datum         text NOT NULL DEFAULT 'wgs84',
    ADD COLUMN skip_bad_rows boolean NOT NULL DEFAULT false,
    ADD COLUMN swapped       integer NOT NULL DEFAULT 0,  -- rows with lon/lat the wrong way round, swapped back
    ADD CONSTRAINT import_datum CHECK (datum IN ('wgs84', 'gcj02', 'bd09'));

ALTER TABLE incident
    ADD COLUMN address_norm text,              -- AddressNormalizer form of address, for exact/fuzzy geocoding
    ADD COLUMN department   text,              -- functional department it was dispatched to (职能部门)
    ADD CONSTRAINT incident_geocode_score CHECK (geocode_score IS NULL OR geocode_score BETWEEN 0 AND 1);

-- the review queue by street and time; the GIN index on building.address_norm (V1) serves the fuzzy match
CREATE INDEX incident_import_job ON incident (import_job_id);
CREATE INDEX incident_external_prefix ON incident (source, status, reported_at);

ALTER TABLE incident_event
    ADD COLUMN level        text,
    ADD COLUMN department   text,
    ADD COLUMN satisfaction smallint;

-- Open311 GeoReport v2 intake: requests from external apps carry their own source; clients post with an API key
-- (only its SHA-256 is stored) that ties them to one street.
ALTER TABLE incident DROP CONSTRAINT incident_source;
ALTER TABLE incident ADD CONSTRAINT incident_source
    CHECK (source IN ('hotline_12345', 'patrol', 'snapshot', 'video', 'desk', 'open311', 'other'));

CREATE TABLE open311_client (
    key_sha256  text PRIMARY KEY,            -- hex SHA-256 of the API key
    name        text NOT NULL,
    street_code text NOT NULL REFERENCES street (code),
    created_at  timestamptz NOT NULL DEFAULT now()
);
