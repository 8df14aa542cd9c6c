package org.gridatlas.sample;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.building.AddressNormalizer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes generated streets straight into the database with COPY (PgJDBC {@link CopyManager}), for district and city
 * scale: the rows are those the file sink writes and the import would store, but with no per-row round trip. Each
 * street gets a published plan; incidents are placed in their street, community and grid in Java (point in
 * polygon over the street's grids, the lower code winning in an overlap, as {@code IncidentPlacement} does).
 * Ids of buildings and workers are assigned here so assignments can refer to them; sequences are moved at the end.
 */
public final class CopySampleSink implements SampleSink {
    private static final GeometryFactory LON_LAT = new GeometryFactory(new PrecisionModel(), 4326);

    private final Connection db;
    private final CopyManager copy;
    private final Map<String, String[]> categories = new HashMap<>();
    private final long jobId;
    private long nextBuildingId;
    private long nextWorkerId;
    private long incidentRows;

    /** A connection with auto-commit off is committed street by street. */
    public CopySampleSink(Connection db) throws SQLException {
        this.db = db;
        this.copy = db.unwrap(PGConnection.class).getCopyAPI();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(
                        """
                        SELECT big.name || '/' || small.name, small.code, big.code
                        FROM incident_category small JOIN incident_category big ON big.code = small.parent_code""")) {
            while (rs.next()) categories.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
        }
        nextBuildingId = single("SELECT coalesce(max(id), 0) + 1 FROM building");
        nextWorkerId = single("SELECT coalesce(max(id), 0) + 1 FROM worker");
        jobId = single(
                """
                INSERT INTO import_job (kind, format, file_name, status, created_by)
                VALUES ('incidents', 'copy', 'generated', 'running', 'scale-loader') RETURNING id""");
    }

    /** Incident rows written so far. */
    public long incidentRows() {
        return incidentRows;
    }

    @Override
    public void accept(StreetSample s) throws IOException {
        try {
            long planId = street(s);
            Map<String, Long> buildingIds = buildings(s.buildings());
            Map<String, Long> workerIds = workers(s.workers());
            assignments(s.assignments(), workerIds, buildingIds);
            incidents(s, planId);
            db.commit();
        } catch (SQLException e) {
            throw new IOException("COPY of street " + s.street().code() + " failed: " + e.getMessage(), e);
        }
    }

    private long street(StreetSample s) throws SQLException, IOException {
        StreetFeature st = s.street();
        CopyText streets = new CopyText()
                .add(st.code())
                .add(st.name())
                .add(st.districtCode())
                .add(st.districtName())
                .add(CopyText.multi(st.geometry()))
                .end();
        copy("street (code, name, district_code, district_name, geom)", streets);
        CopyText communities = new CopyText();
        for (CommunityFeature c : s.communities()) {
            communities
                    .add(c.code())
                    .add(c.streetCode())
                    .add(c.name())
                    .add(CopyText.multi(c.geometry()))
                    .end();
        }
        copy("community (code, street_code, name, geom)", communities);
        long planId;
        try (PreparedStatement p = db.prepareStatement(
                """
                INSERT INTO boundary_plan (street_code, name, status, author, note, published_at)
                VALUES (?, '现行网格划分', 'published', 'scale-loader', 'generated at scale', '-infinity') RETURNING id""")) {
            p.setString(1, st.code());
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                planId = rs.getLong(1);
            }
        }
        CopyText grids = new CopyText();
        for (GridFeature g : s.grids()) {
            grids.add(planId)
                    .add(g.code())
                    .add(g.communityCode())
                    .add(g.name())
                    .add(CopyText.multi(g.geometry()))
                    .end();
        }
        copy("grid (plan_id, code, community_code, name, geom)", grids);
        return planId;
    }

    private Map<String, Long> buildings(List<BuildingFeature> buildings) throws SQLException, IOException {
        Map<String, Long> ids = new HashMap<>();
        CopyText rows = new CopyText();
        for (BuildingFeature b : buildings) {
            long id = nextBuildingId++;
            ids.put(b.code(), id);
            rows.add(id)
                    .add(b.code())
                    .add(b.communityCode())
                    .add(b.address())
                    .add(AddressNormalizer.normalize(b.address()))
                    .add(b.compound())
                    .add(b.type())
                    .add(b.floors())
                    .add(b.units())
                    .add(b.households())
                    .add(b.residents())
                    .add(b.hasElevator())
                    .add(b.builtYear())
                    .add(CopyText.multi(b.footprint()))
                    .end();
        }
        copy(
                "building (id, code, community_code, address, address_norm, compound, type, floors, units, households,"
                        + " residents, has_elevator, built_year, footprint)",
                rows);
        return ids;
    }

    private Map<String, Long> workers(List<WorkerRow> workers) throws SQLException, IOException {
        Map<String, Long> ids = new HashMap<>();
        CopyText rows = new CopyText();
        for (WorkerRow w : workers) {
            long id = nextWorkerId++;
            ids.put(w.code(), id);
            rows.add(id)
                    .add(w.code())
                    .add(w.name())
                    .add(w.phone())
                    .add(w.kind())
                    .add(w.communityCode())
                    .end();
        }
        copy("worker (id, code, name, phone, kind, community_code)", rows);
        return ids;
    }

    private void assignments(List<AssignmentRow> assignments, Map<String, Long> workers, Map<String, Long> buildings)
            throws SQLException, IOException {
        CopyText rows = new CopyText();
        for (AssignmentRow a : assignments) {
            rows.add(workers.get(a.workerCode()))
                    .add(a.gridCode())
                    .add(a.buildingCode() == null ? null : buildings.get(a.buildingCode()))
                    .add(a.role())
                    .add(a.households())
                    .add(a.validFrom())
                    .add(a.validTo())
                    .end();
        }
        copy("assignment (worker_id, grid_code, building_id, role, households, valid_from, valid_to)", rows);
    }

    private void incidents(StreetSample s, long planId) throws SQLException, IOException {
        Placement placement = new Placement(s);
        CopyText rows = new CopyText();
        for (IncidentRow i : s.incidents()) {
            String[] category = categories.get(i.categoryBig() + "/" + i.categorySmall());
            if (category == null) {
                throw new IllegalStateException(
                        "category not in the catalogue: " + i.categoryBig() + "/" + i.categorySmall());
            }
            boolean located = i.lon() != null && i.lat() != null;
            Point point = located ? LON_LAT.createPoint(new Coordinate(i.lon(), i.lat())) : null;
            String grid = located ? placement.grid(point) : null;
            String community = grid != null ? grid.substring(0, 12) : located ? placement.community(point) : null;
            rows.add(i.externalId())
                    .add(i.source())
                    .add(category[0])
                    .add(category[1])
                    .add(i.description())
                    .add(i.reportedAt())
                    .add(i.acceptedAt())
                    .add(i.dispatchedAt())
                    .add(i.resolvedAt())
                    .add(i.closedAt())
                    .add(i.status())
                    .add(i.resolutionLevel())
                    .add(i.satisfaction())
                    .add(point)
                    .add(i.address())
                    .add(located ? "coordinates" : "unmatched")
                    .add(community == null ? null : community.substring(0, 9))
                    .add(community)
                    .add(grid)
                    .add(grid == null ? null : planId)
                    .add(jobId)
                    .end();
        }
        copy(INCIDENT_COLUMNS, rows);
        incidentRows += rows.rows();
    }

    /** Columns of an incident row as {@link #incidents} writes them (also used by the load-rate benchmark). */
    public static final String INCIDENT_COLUMNS =
            "incident (external_id, source, category_code, category_big, description, reported_at, accepted_at,"
                    + " dispatched_at, resolved_at, closed_at, status, resolution_level, satisfaction, location,"
                    + " address, geocode_quality, street_code, community_code, grid_code, grid_plan_id, import_job_id)";

    private void copy(String tableAndColumns, CopyText rows) throws SQLException, IOException {
        if (rows.rows() == 0) return;
        copy.copyIn("COPY " + tableAndColumns + " FROM STDIN", new StringReader(rows.text()));
    }

    private long single(String sql) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void finish(Manifest manifest) throws IOException {
        try (Statement s = db.createStatement()) {
            s.execute("SELECT setval('building_id_seq', (SELECT max(id) FROM building))");
            s.execute("SELECT setval('worker_id_seq', (SELECT max(id) FROM worker))");
            s.execute("UPDATE import_job SET status = 'succeeded', finished_at = now(), rows_total = " + incidentRows
                    + ", rows_done = " + incidentRows + ", inserted = " + incidentRows + " WHERE id = " + jobId);
            db.commit();
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    @Override
    public void close() {}

    /** Grids and communities of one street, indexed for point-in-polygon. */
    private static final class Placement {
        private record Area(String code, PreparedGeometry geom) {}

        private final STRtree grids = new STRtree();
        private final STRtree communities = new STRtree();

        Placement(StreetSample s) {
            for (GridFeature g : s.grids()) index(grids, g.code(), g.geometry());
            for (CommunityFeature c : s.communities()) index(communities, c.code(), c.geometry());
        }

        private static void index(STRtree tree, String code, Geometry g) {
            tree.insert(g.getEnvelopeInternal(), new Area(code, PreparedGeometryFactory.prepare(g)));
        }

        /** The lowest grid code containing the point (or touching it), null in a gap. */
        String grid(Point p) {
            return lowest(grids, p);
        }

        String community(Point p) {
            return lowest(communities, p);
        }

        @SuppressWarnings("unchecked")
        private static String lowest(STRtree tree, Point p) {
            String best = null;
            for (Area a : (List<Area>) tree.query(p.getEnvelopeInternal())) {
                if ((best == null || a.code().compareTo(best) < 0) && a.geom().intersects(p)) best = a.code();
            }
            return best;
        }
    }
}
