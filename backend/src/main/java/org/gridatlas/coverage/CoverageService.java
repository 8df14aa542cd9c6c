package org.gridatlas.coverage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.api.BadParameterException;
import org.gridatlas.api.NotFoundException;
import org.gridatlas.grid.PlanService;
import org.gridatlas.security.Scope;
import org.gridatlas.security.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Coverage and workload on the published plan or a draft plan, limited to the caller's scope (see the package doc
 * and docs/coverage.md). One call runs a handful of set-based statements in one transaction ({@link CoverageSql});
 * norm statuses, the workload index and the roll-ups are computed in Java over their results.
 */
@Service
public class CoverageService {
    /** Incident periods are calendar days of the street's time zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final double DAYS_PER_MONTH = 30.44;

    private final JdbcClient jdbc;
    private final PlanService plans;
    private final TransactionTemplate tx;
    private final NormBandStore norms;

    CoverageService(JdbcClient jdbc, PlanService plans, TransactionTemplate tx, NormBandStore norms) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.tx = tx;
        this.norms = norms;
    }

    /**
     * The whole coverage: grids, workers (names for every staff role, phones only for roles that call them), faults,
     * roll-ups per community and street.
     *
     * @param geometry whether grids, workers, communities and streets carry their geometry (faults always do)
     */
    public Coverage coverage(Scope scope, CoverageRequest request, boolean geometry) {
        boolean byCode = validate(scope, request);
        return tx.execute(status -> compute(scope, request, geometry, byCode));
    }

    /**
     * The per-grid figures only (no workers, faults or roll-ups: the cheaper part of {@link #coverage}), with their
     * geometry when asked for.
     */
    public List<GridCoverage> grids(Scope scope, CoverageRequest request, boolean geometry) {
        boolean byCode = validate(scope, request);
        return tx.execute(status -> {
            prepare(scope, request);
            return grids(request, geometry, byCode, bands(request));
        });
    }

    /**
     * Per-grid coverage rows with their geometry (GeoJSON text in {@link GridCoverage#geometry()}), for publication
     * as a feature collection (e.g. an OGC API "coverage" collection). No personal data is in these rows.
     */
    public List<GridCoverage> gridCoverage(Scope scope, CoverageRequest request) {
        return grids(scope, request, true);
    }

    /** Checks plan and community against the scope; answers whether incidents are counted by their stamped grid. */
    private boolean validate(Scope scope, CoverageRequest request) {
        PlanService.Plan plan = null;
        if (request.planId() != null) {
            plan = plans.plans(scope).stream()
                    .filter(p -> p.id() == request.planId())
                    .findFirst()
                    .orElseThrow(() ->
                            new NotFoundException("plan", "no boundary plan " + request.planId() + " in your scope"));
        }
        if (request.community() != null) {
            String street = ScopeSql.bind(
                            jdbc.sql("SELECT street_code FROM community c WHERE c.code = :c AND (%s OR c.street_code = "
                                            .formatted(ScopeSql.STREET)
                                    + ":scope_street) AND (%s OR c.code = :scope_community)"
                                            .formatted(ScopeSql.COMMUNITY)),
                            scope)
                    .param("c", request.community())
                    .query(String.class)
                    .optional()
                    .orElseThrow(() -> new BadParameterException(
                            "community", "community " + request.community() + " is not in your scope"));
            if (plan != null && !plan.streetCode().equals(street)) {
                throw new BadParameterException(
                        "community",
                        "community " + request.community() + " belongs to another street than plan " + plan.id() + " ("
                                + plan.streetCode() + ")");
            }
            if (plan != null
                    && plan.communityCode() != null
                    && !plan.communityCode().equals(request.community())) {
                throw new BadParameterException(
                        "community", "plan " + plan.id() + " covers community " + plan.communityCode() + " only");
            }
        }
        return plan == null || "published".equals(plan.status());
    }

    /** The extent, grids and placements (from the stored shares), as temporary tables of the current transaction. */
    private void prepare(Scope scope, CoverageRequest request) {
        jdbc.sql("SET LOCAL jit = off").update(); // JIT compiles for longer than these statements run
        // city scale sorts ~170,000 workers and ~390,000 placements: in memory, not in temporary files
        jdbc.sql("SET LOCAL work_mem = '64MB'").update();
        ScopeSql.bind(jdbc.sql(CoverageSql.AREAS), scope)
                .param("plan", request.planId())
                .param("community", request.community())
                .update();
        jdbc.sql(CoverageSql.GRIDS).update();
        jdbc.sql("ANALYZE cov_grid").update();
        jdbc.sql(CoverageSql.PLACES).param("tolerance", request.tolerance()).update();
    }

    private Coverage compute(Scope scope, CoverageRequest request, boolean geometry, boolean byCode) {
        prepare(scope, request);
        Map<String, Map<String, NormBand>> bands = bands(request);
        List<GridCoverage> grids = grids(request, geometry, byCode, bands);
        List<WorkerWorkload> workers = Workload.rank(workers(scope, grids, geometry), request.weights());
        jdbc.sql(CoverageSql.COVER).update();
        jdbc.sql(CoverageSql.COMMUNITY_OVERLAPS).update();
        List<CoverageFault> faults = jdbc.sql(CoverageSql.FAULTS)
                .param("min_area", request.minFaultAreaM2())
                .query((rs, i) -> new CoverageFault(
                        rs.getString("kind"),
                        rs.getString("grid_code"),
                        rs.getString("related_code"),
                        rs.getString("community_code"),
                        round1((Double) rs.getObject("area_m2")),
                        (Integer) rs.getObject("households"),
                        rs.getString("detail"),
                        rs.getString("geometry")))
                .list();
        List<Rollups.Area> areas = jdbc.sql(CoverageSql.AREA_ROWS)
                .param("geometry", geometry)
                .query((rs, i) -> new Rollups.Area(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("street_code"),
                        rs.getLong("plan_id"),
                        rs.getString("geometry")))
                .list();
        List<Rollups.Area> streets = jdbc.sql(CoverageSql.STREET_ROWS)
                .param("geometry", geometry)
                .query((rs, i) -> new Rollups.Area(
                        rs.getString("code"), rs.getString("name"), rs.getString("code"), 0, rs.getString("geometry")))
                .list();
        Rollups rollups = new Rollups(grids, workers, faults, bands);
        return new Coverage(
                areas.stream().map(Rollups.Area::planId).distinct().toList(),
                request.tolerance(),
                request.from(),
                request.to(),
                request.weights(),
                streetBands(bands),
                grids,
                workers,
                faults,
                rollups.communities(areas),
                rollups.streets(streets));
    }

    /** The bands per street: the street's own, else the deployment's, replaced by those of the request. */
    private Map<String, Map<String, NormBand>> bands(CoverageRequest request) {
        List<String> streets = jdbc.sql("SELECT DISTINCT street_code FROM cov_area")
                .query(String.class)
                .list();
        Map<String, Map<String, NormBand>> byStreet = norms.inForce(streets);
        byStreet.values().forEach(m -> m.putAll(request.bands()));
        return byStreet;
    }

    private static List<Coverage.StreetBand> streetBands(Map<String, Map<String, NormBand>> bands) {
        List<Coverage.StreetBand> list = new ArrayList<>();
        bands.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> e.getValue().values().stream()
                .sorted(java.util.Comparator.comparing(NormBand::metric))
                .forEach(b -> list.add(new Coverage.StreetBand(e.getKey(), b.metric(), b.min(), b.max(), b.target()))));
        return list;
    }

    private List<GridCoverage> grids(
            CoverageRequest request, boolean geometry, boolean byCode, Map<String, Map<String, NormBand>> bands) {
        double months = Math.max(1, request.to().toEpochDay() - request.from().toEpochDay() + 1) / DAYS_PER_MONTH;
        return jdbc.sql(CoverageSql.gridRows(byCode))
                .param("geometry", geometry)
                .param("from_time", request.from().atStartOfDay(ZONE).toOffsetDateTime())
                .param("to_time", request.to().plusDays(1).atStartOfDay(ZONE).toOffsetDateTime())
                .query((rs, i) -> grid(rs, bands.getOrDefault(rs.getString("street_code"), Map.of()), months))
                .list();
    }

    private static GridCoverage grid(ResultSet rs, Map<String, NormBand> bands, double months) throws SQLException {
        int households = rs.getInt("households");
        int residents = rs.getInt("residents");
        int fullTime = rs.getInt("full_time");
        int partyMembers = rs.getInt("party_members");
        int incidents = rs.getInt("incidents");
        Double perWorker = fullTime == 0 ? null : round1((double) households / fullTime);
        NormBand pairing = bands.get(NormBand.HOUSEHOLDS_PER_PARTY_MEMBER);
        double perMember = pairing == null ? 5 : pairing.target() != null ? pairing.target() : pairing.max();
        return new GridCoverage(
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("community_code"),
                rs.getString("street_code"),
                rs.getLong("plan_id"),
                round1(rs.getDouble("area_m2")),
                rs.getInt("buildings"),
                households,
                residents,
                rs.getInt("floors_without_lift"),
                rs.getInt("split_buildings"),
                fullTime,
                rs.getInt("instructors"),
                rs.getInt("part_time"),
                rs.getInt("leaders"),
                partyMembers,
                rs.getInt("volunteers"),
                rs.getInt("mobile"),
                rs.getInt("paired"),
                (int) Math.round(partyMembers * perMember),
                incidents,
                Math.round(incidents / months * 10) / 10.0,
                perWorker,
                status(bands.get(NormBand.HOUSEHOLDS_PER_GRID), households),
                status(bands.get(NormBand.RESIDENTS_PER_GRID), residents),
                perWorker == null
                        ? "unstaffed"
                        : status(bands.get(NormBand.HOUSEHOLDS_PER_FULL_TIME_WORKER), perWorker),
                rs.getString("geometry"));
    }

    static String status(NormBand band, double value) {
        return band == null ? null : band.status(value);
    }

    /** Workers with their share of their chief grids' figures (a grid with two full-time workers counts half). */
    private List<WorkerWorkload> workers(Scope scope, List<GridCoverage> grids, boolean geometry) {
        Map<String, GridCoverage> byCode = new HashMap<>();
        grids.forEach(g -> byCode.put(g.code(), g));
        boolean phones = scope.seesWorkerPhones();
        return jdbc.sql(CoverageSql.WORKER_ROWS)
                .param("geometry", geometry)
                .query((rs, i) -> {
                    List<String> chief = strings(rs.getString("chief_grids"));
                    double h = 0, b = 0, f = 0, a = 0, inc = 0;
                    for (String code : chief) {
                        GridCoverage g = byCode.get(code);
                        double n = Math.max(1, g.fullTimeWorkers());
                        h += g.households() / n;
                        b += g.buildings() / n;
                        f += g.floorsWithoutLift() / n;
                        a += g.areaM2() / n;
                        inc += g.incidentsPerMonth() / n;
                    }
                    return new WorkerWorkload(
                            rs.getString("code"),
                            rs.getString("name"),
                            phones ? rs.getString("phone") : null,
                            rs.getString("kind"),
                            rs.getString("community_code"),
                            strings(rs.getString("grids")),
                            chief,
                            strings(rs.getString("roles")),
                            round1(h),
                            round1(b),
                            round1(f),
                            round1(a),
                            round1(inc),
                            null,
                            null,
                            false,
                            rs.getString("geometry"));
                })
                .list();
    }

    /** A comma-separated list (null or empty: none). */
    private static List<String> strings(String list) {
        return list == null || list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
    }

    static Double round1(Double v) {
        return v == null ? null : Math.round(v * 10) / 10.0;
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
