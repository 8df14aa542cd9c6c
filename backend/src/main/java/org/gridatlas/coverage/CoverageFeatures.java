package org.gridatlas.coverage;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridatlas.api.LayerRequest;
import org.gridatlas.geo.Bbox;
import org.gridatlas.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Per-grid coverage of the published plans as a paged GeoJSON layer (the OGC API's {@code coverage} collection): the
 * figures of {@link CoverageService#gridCoverage} as properties, filtered by bbox and feature id. No personal data.
 */
@Service
public class CoverageFeatures {
    private final CoverageService coverage;
    private final JdbcClient jdbc;

    CoverageFeatures(CoverageService coverage, JdbcClient jdbc) {
        this.coverage = coverage;
        this.jdbc = jdbc;
    }

    public String features(Scope scope, LayerRequest request) {
        List<GridCoverage> grids = coverage.gridCoverage(scope, CoverageRequest.defaults()).stream()
                .filter(g -> request.featureId() == null || g.code().equals(request.featureId()))
                .sorted(Comparator.comparing(GridCoverage::code))
                .toList();
        if (request.bbox() != null) {
            Set<String> inBox = publishedGridsIn(request.bbox());
            grids = grids.stream().filter(g -> inBox.contains(g.code())).toList();
        }
        int from = Math.min(request.page().offset(), grids.size());
        int to = Math.min(from + request.page().limit(), grids.size());
        return CoverageJson.features(
                grids.subList(from, to), GridCoverage::code, GridCoverage::geometry, false, grids.size());
    }

    private Set<String> publishedGridsIn(Bbox b) {
        return new HashSet<>(jdbc.sql(
                        """
                        SELECT g.code FROM grid g JOIN boundary_plan p ON p.id = g.plan_id AND p.status = 'published'
                        WHERE ST_Intersects(g.geom, ST_MakeEnvelope(:x0, :y0, :x1, :y1, 4326))""")
                .param("x0", b.minLon())
                .param("y0", b.minLat())
                .param("x1", b.maxLon())
                .param("y1", b.maxLat())
                .query(String.class)
                .list());
    }
}
