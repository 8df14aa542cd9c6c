-- Incident import speed (issue 6). Measured on the 2-street bench data set, inserting 240,000 incidents in one
-- statement: 68 s with the six foreign keys below, 23 s without them (indexes and checks kept); the row-by-row
-- referential checks (one locking lookup per key per row) cost more than all indexes together. They are replaced by
-- one set-based check per statement over its transition table (hashed lookups; well under a second per million
-- rows) and guards on the referenced tables, so the same references still hold. Difference to a foreign key: a row
-- of a referenced table deleted by a concurrent transaction between the check and the commit is not seen; the
-- referenced rows (categories, streets, communities, plans, import jobs) are not deleted in normal operation.

-- Never chosen by the planner (the list filters are optional parameters; the grid/street/time indexes serve them).
DROP INDEX IF EXISTS incident_external_prefix;

ALTER TABLE incident
    DROP CONSTRAINT incident_category_code_fkey,
    DROP CONSTRAINT incident_category_big_fkey,
    DROP CONSTRAINT incident_street_code_fkey,
    DROP CONSTRAINT incident_community_code_fkey,
    DROP CONSTRAINT incident_grid_plan_id_fkey,
    DROP CONSTRAINT incident_import_job_id_fkey;

-- Every row a statement wrote refers to existing rows; else foreign_key_violation, as the constraints raised.
CREATE FUNCTION incident_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad text;
BEGIN
    SELECT n.external_id INTO bad FROM new_rows n
    WHERE n.category_code NOT IN (SELECT code FROM incident_category)
       OR n.category_big NOT IN (SELECT code FROM incident_category)
       OR n.street_code NOT IN (SELECT code FROM street)
       OR n.community_code NOT IN (SELECT code FROM community)
       OR n.grid_plan_id NOT IN (SELECT id FROM boundary_plan)
       OR n.import_job_id NOT IN (SELECT id FROM import_job)
    LIMIT 1;
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'incident % refers to a category, street, community, plan or import job that does not exist', bad
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER incident_references_insert AFTER INSERT ON incident
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_check_references();
CREATE TRIGGER incident_references_update AFTER UPDATE ON incident
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION incident_check_references();

-- A referenced row may not be deleted or re-keyed while incidents refer to it (as ON DELETE NO ACTION).
-- TG_ARGV: the key column of the referenced table, then the incident columns that refer to it.
CREATE FUNCTION incident_referenced_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_key text := to_jsonb(OLD) ->> TG_ARGV[0];
    col text;
    used boolean;
BEGIN
    IF TG_OP = 'UPDATE' AND old_key IS NOT DISTINCT FROM (to_jsonb(NEW) ->> TG_ARGV[0]) THEN
        RETURN NEW;
    END IF;
    FOREACH col IN ARRAY TG_ARGV[1:] LOOP
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM incident WHERE %I::text = $1)', col) INTO used USING old_key;
        IF used THEN
            RAISE EXCEPTION '% % is still referred to by incidents (%)', TG_TABLE_NAME, old_key, col
                USING ERRCODE = 'foreign_key_violation';
        END IF;
    END LOOP;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;

CREATE TRIGGER incident_category_guard BEFORE DELETE OR UPDATE OF code ON incident_category
    FOR EACH ROW EXECUTE FUNCTION incident_referenced_guard('code', 'category_code', 'category_big');
CREATE TRIGGER incident_street_guard BEFORE DELETE OR UPDATE OF code ON street
    FOR EACH ROW EXECUTE FUNCTION incident_referenced_guard('code', 'street_code');
CREATE TRIGGER incident_community_guard BEFORE DELETE OR UPDATE OF code ON community
    FOR EACH ROW EXECUTE FUNCTION incident_referenced_guard('code', 'community_code');
CREATE TRIGGER incident_plan_guard BEFORE DELETE OR UPDATE OF id ON boundary_plan
    FOR EACH ROW EXECUTE FUNCTION incident_referenced_guard('id', 'grid_plan_id');

-- An import job deleted leaves its incidents without a job (as ON DELETE SET NULL did).
CREATE FUNCTION incident_import_job_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE incident SET import_job_id = NULL WHERE import_job_id = OLD.id;
    RETURN OLD;
END $$;
CREATE TRIGGER incident_import_job_deleted BEFORE DELETE ON import_job
    FOR EACH ROW EXECUTE FUNCTION incident_import_job_deleted();
