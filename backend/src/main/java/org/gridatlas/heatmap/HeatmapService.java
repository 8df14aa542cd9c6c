package org.gridatlas.heatmap;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.gridatlas.security.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Heat-map surfaces: kernel density of incidents (incidents per km² per month) for XYZ tiles and for exports.
 *
 * <p>Speed by design: tiles of zoom 8–14 read the pre-aggregated blocks of pixel cells of their own zoom (a few
 * hundred packed rows at most), tiles of zoom 0–7 those of zoom 8, and tiles of zoom 15 and above (a few hundred
 * metres across) the exact positions packed per month and block, with every filter and scope. Below zoom 15, filters
 * the blocks do not carry (source, status, resolution level) and a community scope read incidents snapped to pixels
 * by SQL; months not yet rebuilt read the incidents at every zoom (see {@link Source}).
 */
@Service
public class HeatmapService {
    static final int FIRST_CELL_LEVEL = 8;
    static final int LAST_CELL_LEVEL = 14;
    /**
     * Lowest zoom whose filtered or community-scoped tiles read the point blocks (a zoom-13 tile with its margin
     * covers ≈ 10 × 10 blocks per month; lower zooms would read every point of several streets).
     */
    static final int FIRST_POINT_SNAP_LEVEL = 13;

    private final HeatmapRepository repository;
    private final HeatmapBlocks blocks;
    private final HeatmapPointBlocks pointBlocks;
    private final HeatmapWarmup refresher;
    private final JdbcClient jdbc;
    private volatile Set<String> categoryCodes;

    HeatmapService(
            HeatmapRepository repository,
            HeatmapBlocks blocks,
            HeatmapPointBlocks pointBlocks,
            HeatmapWarmup refresher,
            JdbcClient jdbc) {
        this.repository = repository;
        this.blocks = blocks;
        this.pointBlocks = pointBlocks;
        this.refresher = refresher;
        this.jdbc = jdbc;
    }

    /** The parameters of a heat-map request, as strings from the query; checked here, problems name the parameter. */
    public record Params(
            String from,
            String to,
            String compareFrom,
            String compareTo,
            String category,
            String source,
            String status,
            String level,
            String weight,
            String radius,
            boolean difference) {}

    /** Checks the parameters; missing months default to the months with incidents in the scope. */
    HeatmapFilter filter(Scope scope, Params p) {
        double radius = HeatmapFilter.radius(p.radius());
        List<String> categories = HeatmapFilter.categories(p.category(), categoryCodes());
        List<String> sources = HeatmapFilter.list("source", p.source(), HeatmapFilter.SOURCES);
        List<String> statuses = HeatmapFilter.list("status", p.status(), HeatmapFilter.STATUSES);
        List<String> levels = HeatmapFilter.list("level", p.level(), HeatmapFilter.LEVELS);
        String weight = HeatmapFilter.weight(p.weight());
        MonthRange data = (p.from() == null || p.to() == null) ? repository.dataMonths(scope) : null;
        MonthRange period = MonthRange.parse("from", p.from(), "to", p.to(), data);
        if (period == null)
            period = MonthRange.parse("from", "2000-01", "to", "2000-01", null); // no data: an empty surface
        MonthRange compare = null;
        if (p.difference() || p.compareFrom() != null || p.compareTo() != null) {
            compare = MonthRange.parse("compareFrom", p.compareFrom(), "compareTo", p.compareTo(), period.previous());
        }
        return new HeatmapFilter(period, compare, categories, sources, statuses, levels, weight, radius);
    }

    /** Density of one tile in incidents per km² per month, 256×256 row by row (for the PNG and the tests). */
    double[] tileDensity(Scope scope, TileKey key, HeatmapFilter f) {
        return density(scope, key.grid(), f);
    }

    /**
     * One PNG tile from raw request parameters: the entry point for the benchmark harness (same path as
     * {@code GET /api/heatmap/{z}/{x}/{y}.png}).
     */
    public byte[] tile(Scope scope, int z, int x, int y, Params params) {
        TileKey key = TileKey.of(z, x, y);
        return tilePng(scope, key, filter(scope, params));
    }

    /** The tile as a PNG coloured by the absolute scale of {@link DensityScale}. */
    byte[] tilePng(Scope scope, TileKey key, HeatmapFilter f) {
        PixelGrid g = key.grid();
        return png(DensityScale.indexedImage(g.width(), g.height(), density(scope, g, f), f.difference()));
    }

    /** Density over any pixel grid, with points from a margin of one kernel radius around it. */
    double[] density(Scope scope, PixelGrid g, HeatmapFilter f) {
        double margin = marginMercator(g, f.radius());
        double minX = g.minX() - margin, maxX = g.maxX() + margin;
        double minY = Math.max(-WebMercator.HALF, g.minY() - margin),
                maxY = Math.min(WebMercator.HALF, g.maxY() + margin);
        WeightedPoints points =
                switch (source(scope, g, f)) {
                    case POINTS -> pointBlocks.read(scope, f, minX, minY, maxX, maxY);
                    case INCIDENTS -> repository.incidents(scope, f, null, minX, minY, maxX, maxY);
                    case SNAPPED -> repository.incidents(scope, f, g.z(), minX, minY, maxX, maxY);
                    case POINTS_SNAPPED -> pointBlocks.readSnapped(scope, f, g.z(), minX, minY, maxX, maxY);
                    case BLOCKS -> blocks.read(scope, f, Math.max(FIRST_CELL_LEVEL, g.z()), minX, minY, maxX, maxY);
                };
        return QuarticKernel.density(g, points, f.radius());
    }

    /** Where a surface's points come from. */
    enum Source {
        /**
         * exact incident positions packed per month and block (zoom 15 and above: a tile is a few hundred metres
         * across), every filter and scope
         */
        POINTS,
        /** exact incident positions from the incidents (zoom 15 and above while a month of the period is stale) */
        INCIDENTS,
        /**
         * the point blocks snapped to the grid's pixels (zoom 13–14 with filters or scopes the cell blocks do not
         * carry)
         */
        POINTS_SNAPPED,
        /**
         * incidents snapped to the grid's pixels by SQL (zoom ≤ 12 with filters or scopes the cell blocks do not
         * carry, stale months)
         */
        SNAPPED,
        /** the pre-aggregated blocks of the grid's zoom (zoom 8 for zoom 0–7) */
        BLOCKS
    }

    Source source(Scope scope, PixelGrid g, HeatmapFilter f) {
        boolean exact = g.z() > LAST_CELL_LEVEL;
        boolean cells = exact || (f.aggregatable() && scope.communityCode() == null);
        if (!cells && g.z() < FIRST_POINT_SNAP_LEVEL) return Source.SNAPPED;
        if (blocks.dirty(f)) {
            refresher.kick();
            return exact ? Source.INCIDENTS : Source.SNAPPED;
        }
        if (exact) return Source.POINTS;
        return cells ? Source.BLOCKS : Source.POINTS_SNAPPED;
    }

    /** One radius in Mercator metres at the pole-ward edge of the grid plus the radius (so no point is missed). */
    static double marginMercator(PixelGrid g, double radius) {
        double edge = Math.max(Math.abs(g.minY()), Math.abs(g.maxY()));
        double scale =
                WebMercator.groundScale(Math.min(WebMercator.HALF, edge + 2 * radius / WebMercator.groundScale(edge)));
        return radius / Math.max(scale, 1e-6);
    }

    /** Brings every dirty month's blocks up to date now (tests; the service does it in the background). */
    void refresh() {
        blocks.refreshAll();
    }

    static BufferedImage render(PixelGrid g, double[] density, boolean difference) {
        BufferedImage img = new BufferedImage(g.width(), g.height(), BufferedImage.TYPE_INT_ARGB);
        for (int j = 0; j < g.height(); j++) {
            for (int i = 0; i < g.width(); i++)
                img.setRGB(i, j, DensityScale.argb(density[j * g.width() + i], difference));
        }
        return img;
    }

    static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> categoryCodes() {
        Set<String> codes = categoryCodes;
        if (codes == null) {
            codes = Set.copyOf(jdbc.sql("SELECT code FROM incident_category")
                    .query(String.class)
                    .list());
            categoryCodes = codes;
        }
        return codes;
    }

    /** The incident categories (code, parent, name, name_en), big classes first. */
    List<java.util.Map<String, Object>> categories() {
        return jdbc.sql("SELECT code, parent_code AS parent, name, name_en FROM incident_category ORDER BY code")
                .query((rs, n) -> {
                    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("code", rs.getString("code"));
                    m.put("parent", rs.getString("parent"));
                    m.put("name", rs.getString("name"));
                    m.put("nameEn", rs.getString("name_en"));
                    return m;
                })
                .list();
    }
}
