package org.gridatlas.plan;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The norm bands in force for a street: its own rows in norm_band, else the deployment's (street_code NULL). */
@Repository
class NormBandStore {
    private final JdbcClient jdbc;

    NormBandStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    NormBands bands(String streetCode) {
        Map<String, double[]> byMetric = new HashMap<>();
        jdbc.sql(
                        """
                        SELECT DISTINCT ON (metric) metric, min_value, max_value FROM norm_band
                        WHERE street_code = :s OR street_code IS NULL
                        ORDER BY metric, street_code NULLS LAST""")
                .param("s", streetCode)
                .query(rs -> {
                    byMetric.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
                });
        double[] households = byMetric.getOrDefault("households_per_grid", new double[] {300, 500});
        double[] perWorker = byMetric.getOrDefault("households_per_full_time_worker", new double[] {160, 300});
        return new NormBands(households[0], households[1], perWorker[0], perWorker[1]);
    }
}
