package org.gridatlas.heatmap;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridCoverageFactory;
import org.geotools.gce.geotiff.GeoTiffWriter;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.referencing.CRS;
import org.gridatlas.security.Scope;
import org.springframework.stereotype.Service;

/**
 * Exports of the heat-map surface for a bbox: a GeoTIFF of the density values (Float32, incidents per km² per month,
 * EPSG:3857, pixel-aligned with the tiles) for QGIS/ArcGIS, and a PNG with the legend drawn in.
 */
@Service
class HeatmapExports {
    private final HeatmapService heatmaps;
    private volatile CoordinateReferenceSystem webMercator;

    HeatmapExports(HeatmapService heatmaps) {
        this.heatmaps = heatmaps;
    }

    byte[] geotiff(Scope scope, ExportBox box, HeatmapFilter f) {
        PixelGrid g = box.grid();
        double[] d = heatmaps.density(scope, g, f);
        float[][] rows = new float[g.height()][g.width()];
        for (int j = 0; j < g.height(); j++) {
            for (int i = 0; i < g.width(); i++) rows[j][i] = (float) d[j * g.width() + i];
        }
        ReferencedEnvelope env = new ReferencedEnvelope(g.minX(), g.maxX(), g.minY(), g.maxY(), crs());
        GridCoverage2D coverage = new GridCoverageFactory().create("density_per_km2_per_month", rows, env);
        try {
            Path tmp = Files.createTempFile("gridatlas-heatmap-", ".tif");
            try {
                GeoTiffWriter writer = new GeoTiffWriter(tmp.toFile());
                writer.write(coverage, null);
                writer.dispose();
                return Files.readAllBytes(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] pngWithLegend(Scope scope, ExportBox box, HeatmapFilter f) {
        PixelGrid g = box.grid();
        BufferedImage surface = HeatmapService.render(g, heatmaps.density(scope, g, f), f.difference());
        List<DensityScale.Entry> entries = DensityScale.legend(f.difference());
        int legendWidth = 230;
        int height = Math.max(g.height(), 40 + 18 * entries.size() + 30);
        BufferedImage img = new BufferedImage(g.width() + legendWidth, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D gr = img.createGraphics();
        gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        gr.setColor(Color.WHITE);
        gr.fillRect(0, 0, img.getWidth(), img.getHeight());
        gr.drawImage(surface, 0, 0, null);
        gr.setColor(Color.GRAY);
        gr.setStroke(new BasicStroke(1));
        gr.drawRect(0, 0, g.width() - 1, g.height() - 1);
        int x = g.width() + 12;
        gr.setColor(Color.BLACK);
        gr.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        gr.drawString(f.difference() ? "Difference, incidents/km²/month" : "Incidents per km² per month", x, 18);
        gr.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        String period = f.period().from() + " – " + f.period().to()
                + (f.compare() == null
                        ? ""
                        : " minus " + f.compare().from() + " – " + f.compare().to());
        gr.drawString(period + ", r = " + (int) f.radius() + " m", x, 34);
        int y = 44;
        for (DensityScale.Entry e : entries) {
            gr.setColor(parse(e.color()));
            gr.fillRect(x, y, 24, 14);
            gr.setColor(Color.BLACK);
            gr.drawString(label(e), x + 32, y + 11);
            y += 18;
        }
        gr.dispose();
        return HeatmapService.png(img);
    }

    static String label(DensityScale.Entry e) {
        if (e.from() == null) return "< " + fmt(e.to());
        if (e.to() == null) return "≥ " + fmt(e.from());
        return fmt(e.from()) + " – " + fmt(e.to());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static Color parse(String rgba) {
        String[] p = rgba.substring(5, rgba.length() - 1).split(",");
        return new Color(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]), (int)
                Math.round(Double.parseDouble(p[3]) * 255));
    }

    private CoordinateReferenceSystem crs() {
        CoordinateReferenceSystem c = webMercator;
        if (c == null) {
            try {
                c = CRS.decode("EPSG:3857", true);
            } catch (Exception e) {
                throw new IllegalStateException("EPSG:3857 unknown to GeoTools", e);
            }
            webMercator = c;
        }
        return c;
    }
}
