-- Issue 8 (asked by issue 6): when a plan is published, the incidents reported in its validity are placed on its
-- grids in the same transaction, and the re-assignment is recorded here: one row per publish and old → new grid.
CREATE TABLE plan_incident_reassignment (
    id             bigserial PRIMARY KEY,
    plan_id        bigint NOT NULL REFERENCES boundary_plan (id) ON DELETE CASCADE, -- the plan published
    effective_from timestamptz NOT NULL,  -- start of its validity: incidents reported from then on were re-placed
    from_plan_id   bigint REFERENCES boundary_plan (id) ON DELETE CASCADE,  -- plan they were read from (NULL: none)
    from_grid      text,                  -- grid before (NULL: none)
    to_grid        text,                  -- grid after (NULL: no grid of the new plan holds the point)
    incidents      integer NOT NULL CHECK (incidents > 0),
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX plan_incident_reassignment_plan ON plan_incident_reassignment (plan_id);
