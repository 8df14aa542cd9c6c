package org.gridatlas.redistrict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridatlas.api.NotFoundException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of proposals: a community's outline, buildings (with compound) and a plan's grids, in the metric CRS. */
@Repository
class ProposalStore {
    private final JdbcClient jdbc;
    private final int metricSrid;

    ProposalStore(JdbcClient jdbc, @Value("${gridatlas.geo.metric-srid:4549}") int metricSrid) {
        this.jdbc = jdbc;
        this.metricSrid = metricSrid;
    }

    Geometry community(String code) {
        return jdbc.sql("SELECT ST_AsBinary(ST_Transform(geom, :srid)) FROM community WHERE code = :c")
                .param("srid", metricSrid)
                .param("c", code)
                .query((rs, i) -> read(rs.getBytes(1)))
                .optional()
                .orElseThrow(() -> new NotFoundException("community", "no community " + code));
    }

    List<String> communities(String street) {
        return jdbc.sql("SELECT code FROM community WHERE street_code = :s ORDER BY code")
                .param("s", street)
                .query(String.class)
                .list();
    }

    List<ProposalBuilding> buildings(String community) {
        return jdbc.sql(
                        """
                        SELECT code, ST_AsBinary(ST_Transform(footprint, :srid)), households, compound
                        FROM building WHERE community_code = :c ORDER BY code""")
                .param("srid", metricSrid)
                .param("c", community)
                .query((rs, i) ->
                        new ProposalBuilding(rs.getString(1), read(rs.getBytes(2)), rs.getInt(3), rs.getString(4)))
                .list();
    }

    /** Grid code → polygon of the plan's grids in the community, in code order. */
    Map<String, Geometry> grids(long plan, String community) {
        Map<String, Geometry> out = new LinkedHashMap<>();
        jdbc.sql("SELECT code, ST_AsBinary(ST_Transform(geom, :srid)) FROM grid"
                        + " WHERE plan_id = :p AND community_code = :c ORDER BY code")
                .param("srid", metricSrid)
                .param("p", plan)
                .param("c", community)
                .query(rs -> {
                    out.put(rs.getString(1), read(rs.getBytes(2)));
                });
        return out;
    }

    /** A drawn GeoJSON geometry (WGS84) in the metric CRS; PostGIS rejects an unreadable one (DataAccessException). */
    Geometry fromGeoJson(String geoJson) {
        return jdbc.sql("SELECT ST_AsBinary(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(:g), 4326), :srid))")
                .param("g", geoJson)
                .param("srid", metricSrid)
                .query((rs, i) -> read(rs.getBytes(1)))
                .single();
    }

    private static Geometry read(byte[] wkb) {
        try {
            return new WKBReader().read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("PostGIS returned unreadable WKB", e);
        }
    }
}
