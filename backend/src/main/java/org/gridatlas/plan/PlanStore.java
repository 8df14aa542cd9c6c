package org.gridatlas.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gridatlas.api.NotFoundException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of boundary plans: plan rows, a community's coverage read in the metric CRS, changed grids written back in
 * WGS84 (rounded to 1e-7°, the precision of the imported data, so untouched shared vertices come back identical).
 */
@Repository
class PlanStore {
    private final JdbcClient jdbc;
    private final int metricSrid;

    PlanStore(JdbcClient jdbc, @Value("${gridatlas.geo.metric-srid:4549}") int metricSrid) {
        this.jdbc = jdbc;
        this.metricSrid = metricSrid;
    }

    /**
     * A plan row.
     *
     * @param basedOn the plan this draft was copied from
     * @param communityCode the community a draft is limited to, or null for the whole street
     */
    record PlanRow(
            long id, String streetCode, String communityCode, String name, String status, Long basedOn, int version) {}

    /**
     * A grid as stored (WGS84, extended WKB) with its name, for the history and undo.
     *
     * @param metric the same geometry in the metric CRS, when read for a cache (not kept in the history)
     */
    record StoredGrid(String name, byte[] ewkb, Geometry metric) {
        StoredGrid(String name, byte[] ewkb) {
            this(name, ewkb, null);
        }
    }

    PlanRow plan(long id, boolean lock) {
        return jdbc.sql("SELECT id, street_code, community_code, name, status, based_on, version FROM boundary_plan"
                        + " WHERE id = :id" + (lock ? " FOR UPDATE" : ""))
                .param("id", id)
                .query((rs, i) -> new PlanRow(
                        rs.getLong("id"),
                        rs.getString("street_code"),
                        rs.getString("community_code"),
                        rs.getString("name"),
                        rs.getString("status"),
                        (Long) rs.getObject("based_on"),
                        rs.getInt("version")))
                .optional()
                .orElseThrow(() -> new NotFoundException("plan", "no boundary plan " + id));
    }

    Long publishedPlanId(String streetCode) {
        return jdbc.sql("SELECT id FROM boundary_plan WHERE street_code = :s AND status = 'published'")
                .param("s", streetCode)
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    long insertDraft(PlanRow base, String communityCode, String name, String note, String author) {
        long id = jdbc.sql(
                        """
                        INSERT INTO boundary_plan (street_code, community_code, name, status, based_on, author, note)
                        VALUES (:street, :community, :name, 'draft', :base, :author, :note) RETURNING id""")
                .param("street", base.streetCode())
                .param("community", communityCode)
                .param("name", name)
                .param("base", base.id())
                .param("author", author)
                .param("note", note)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO grid (plan_id, code, community_code, name, geom)"
                        + " SELECT :id, code, community_code, name, geom FROM grid WHERE plan_id = :base")
                .param("id", id)
                .param("base", base.id())
                .update();
        return id;
    }

    /** The community's grids in the plan, its outline and buildings, in the metric CRS. */
    CommunityCoverage coverage(long planId, String communityCode) {
        Geometry community = jdbc.sql("SELECT ST_AsBinary(ST_Transform(geom, :srid)) FROM community WHERE code = :c")
                .param("srid", metricSrid)
                .param("c", communityCode)
                .query((rs, i) -> read(rs.getBytes(1)))
                .optional()
                .orElseThrow(() -> new NotFoundException("community", "no community " + communityCode));
        Map<String, Geometry> grids = new LinkedHashMap<>();
        jdbc.sql("SELECT code, ST_AsBinary(ST_Transform(geom, :srid)) FROM grid"
                        + " WHERE plan_id = :p AND community_code = :c ORDER BY code")
                .param("srid", metricSrid)
                .param("p", planId)
                .param("c", communityCode)
                .query(rs -> {
                    grids.put(rs.getString(1), read(rs.getBytes(2)));
                });
        List<PlanBuilding> buildings = jdbc.sql(
                        """
                        SELECT code, address, ST_AsBinary(ST_Transform(footprint, :srid)), households, residents
                        FROM building WHERE community_code = :c ORDER BY code""")
                .param("srid", metricSrid)
                .param("c", communityCode)
                .query((rs, i) -> new PlanBuilding(
                        rs.getString(1), rs.getString(2), read(rs.getBytes(3)), rs.getInt(4), rs.getInt(5)))
                .list();
        Map<String, Integer> fullTime = new HashMap<>();
        jdbc.sql(
                        """
                        SELECT a.grid_code, count(DISTINCT w.id) FROM assignment a JOIN worker w ON w.id = a.worker_id
                        WHERE w.kind = 'full_time' AND w.active AND a.grid_code LIKE :c || '%'
                          AND (a.valid_to IS NULL OR a.valid_to >= current_date)
                        GROUP BY a.grid_code""")
                .param("c", communityCode)
                .query(rs -> {
                    fullTime.put(rs.getString(1), rs.getInt(2));
                });
        return new CommunityCoverage(communityCode, community, grids, buildings, fullTime);
    }

    /** Every grid code of the community in any plan (archived ones too): a new grid never takes an old code. */
    Set<String> codesEverUsed(String communityCode) {
        return new TreeSet<>(jdbc.sql("SELECT DISTINCT code FROM grid WHERE community_code = :c")
                .param("c", communityCode)
                .query(String.class)
                .list());
    }

    java.util.List<String> communitiesOf(String streetCode) {
        return jdbc.sql("SELECT code FROM community WHERE street_code = :s ORDER BY code")
                .param("s", streetCode)
                .query(String.class)
                .list();
    }

    String communityName(String communityCode) {
        return jdbc.sql("SELECT name FROM community WHERE code = :c")
                .param("c", communityCode)
                .query(String.class)
                .single();
    }

    /** The stored form of the given grids of a plan (absent codes map to null). */
    Map<String, StoredGrid> stored(long planId, Set<String> codes) {
        Map<String, StoredGrid> out = new LinkedHashMap<>();
        codes.forEach(c -> out.put(c, null));
        if (codes.isEmpty()) return out;
        jdbc.sql("SELECT code, name, ST_AsEWKB(geom), ST_AsBinary(ST_Transform(geom, :srid)) FROM grid"
                        + " WHERE plan_id = :p AND code IN (:codes)")
                .param("srid", metricSrid)
                .param("p", planId)
                .param("codes", codes)
                .query(rs -> {
                    out.put(rs.getString(1), new StoredGrid(rs.getString(2), rs.getBytes(3), read(rs.getBytes(4))));
                });
        return out;
    }

    /** Writes the grids of a community edit (metric geometries; null removes the grid). */
    void writeMetric(long planId, String communityCode, Map<String, Geometry> changed, Map<String, String> names) {
        WKBWriter writer = new WKBWriter();
        changed.forEach((code, g) -> {
            if (g == null) {
                deleteGrid(planId, code);
                return;
            }
            jdbc.sql(
                            """
                            INSERT INTO grid (plan_id, code, community_code, name, geom)
                            VALUES (:p, :code, :c, :name,
                                    ST_Multi(ST_ReducePrecision(ST_Transform(ST_GeomFromWKB(:g, :srid), 4326), 1e-7)))
                            ON CONFLICT (plan_id, code) DO UPDATE SET geom = EXCLUDED.geom""")
                    .param("p", planId)
                    .param("code", code)
                    .param("c", communityCode)
                    .param("name", names.get(code))
                    .param("g", writer.write(g))
                    .param("srid", metricSrid)
                    .update();
        });
    }

    /** Puts back grids exactly as stored before (undo, redo); null removes the grid. */
    void restore(long planId, Map<String, StoredGrid> grids) {
        grids.forEach((code, g) -> {
            if (g == null) {
                deleteGrid(planId, code);
                return;
            }
            jdbc.sql(
                            """
                            INSERT INTO grid (plan_id, code, community_code, name, geom)
                            VALUES (:p, :code, left(:code, 12), :name, ST_GeomFromEWKB(:g))
                            ON CONFLICT (plan_id, code) DO UPDATE SET geom = EXCLUDED.geom, name = EXCLUDED.name""")
                    .param("p", planId)
                    .param("code", code)
                    .param("name", g.name())
                    .param("g", g.ewkb())
                    .update();
        });
    }

    private void deleteGrid(long planId, String code) {
        jdbc.sql("DELETE FROM grid WHERE plan_id = :p AND code = :code")
                .param("p", planId)
                .param("code", code)
                .update();
    }

    /** Next version of a draft; the caller holds the row lock and has checked the client's version. */
    int bumpVersion(long planId) {
        return jdbc.sql("UPDATE boundary_plan SET version = version + 1 WHERE id = :p RETURNING version")
                .param("p", planId)
                .query(Integer.class)
                .single();
    }

    void event(long planId, String kind, String payloadJson, String author) {
        jdbc.sql(
                        """
                        INSERT INTO plan_event (plan_id, seq, kind, payload, author)
                        VALUES (:p, (SELECT coalesce(max(seq), 0) + 1 FROM plan_event WHERE plan_id = :p), :kind,
                                CAST(:payload AS jsonb), :author)""")
                .param("p", planId)
                .param("kind", kind)
                .param("payload", payloadJson)
                .param("author", author)
                .update();
    }

    /**
     * A stored event of the plan's history.
     *
     * @param version the plan version this event produced (edits, undo, redo), or null
     */
    record Event(int seq, String kind, String payloadJson, String author, String at) {}

    List<Event> events(long planId) {
        return jdbc.sql("SELECT seq, kind, payload::text, author, created_at::text FROM plan_event"
                        + " WHERE plan_id = :p ORDER BY seq")
                .param("p", planId)
                .query((rs, i) ->
                        new Event(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Metric geometries as GeoJSON geometries in WGS84, in the order given (one query for all). */
    List<String> toGeoJson(List<Geometry> metric) {
        if (metric.isEmpty()) return List.of();
        WKBWriter writer = new WKBWriter();
        java.util.HexFormat hex = java.util.HexFormat.of();
        String[] wkb = metric.stream().map(g -> hex.formatHex(writer.write(g))).toArray(String[]::new);
        return new ArrayList<>(jdbc.sql(
                        """
                        SELECT ST_AsGeoJSON(ST_Transform(ST_GeomFromWKB(decode(w, 'hex'), :srid), 4326), 7)
                        FROM unnest(CAST(:wkb AS text[])) WITH ORDINALITY AS t(w, n) ORDER BY n""")
                .param("wkb", wkb)
                .param("srid", metricSrid)
                .query(String.class)
                .list());
    }

    /** A drawn GeoJSON geometry (WGS84) in the metric CRS; null when it is not a readable geometry. */
    Geometry fromGeoJson(String geoJson) {
        return jdbc.sql(
                        """
                        SELECT ST_AsBinary(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(:g), 4326), :srid))""")
                .param("g", geoJson)
                .param("srid", metricSrid)
                .query((rs, i) -> read(rs.getBytes(1)))
                .single();
    }

    static Geometry read(byte[] wkb) {
        try {
            return new WKBReader().read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS returned unreadable WKB", e);
        }
    }
}
