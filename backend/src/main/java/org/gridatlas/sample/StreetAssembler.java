package org.gridatlas.sample;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTWriter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Turns the street's parcels, districts and buildings into output features: unions parcels into grids,
 * communities and the street, checks that they tile (in metres, and again as a clean coverage in rounded degrees),
 * codes the buildings, and records the geometric faults and the household totals.
 */
final class StreetAssembler {
    private final StreetSpec spec;
    private final UtmProjection projection;
    private final List<Parcel> parcels;
    private final Districts districts;
    private final int gapParcel;
    private final PlantedOverlap overlap;
    private final List<Geometry> originalGrids = new ArrayList<>();
    private final List<Geometry> grids = new ArrayList<>();
    private final List<Geometry> communities = new ArrayList<>();
    private final Geometry street;

    StreetAssembler(
            StreetSpec spec,
            UtmProjection projection,
            List<Parcel> parcels,
            Districts districts,
            int gapParcel,
            PlantedOverlap overlap) {
        this.spec = spec;
        this.projection = projection;
        this.parcels = parcels;
        this.districts = districts;
        this.gapParcel = gapParcel;
        this.overlap = overlap;
        for (int g = 0; g < districts.gridCount(); g++) {
            Geometry grid = union(districts.gridOf(), g);
            originalGrids.add(grid);
            grids.add(
                    g == overlap.extendedGrid()
                            ? OverlayNGRobust.overlay(grid, overlap.strip(), OverlayNG.UNION)
                            : grid);
        }
        for (int c = 0; c < districts.communities().size(); c++) {
            communities.add(union(districts.communityOf(), c));
        }
        street = Districting.unionOf(parcels.stream().map(Parcel::polygon).toList());
    }

    private Geometry union(int[] groupOf, int group) {
        List<Polygon> members = new ArrayList<>();
        for (Parcel p : parcels) {
            if (groupOf[p.id()] == group) {
                members.add(p.polygon());
            }
        }
        return Districting.unionOf(members);
    }

    /** Validity, tiling in metres, the planted overlap's area, and clean coverages in degrees. */
    void check() {
        TilingCheck.valid(spec.code(), street);
        TilingCheck.tiles("street " + spec.code(), street, communities);
        for (int c = 0; c < communities.size(); c++) {
            String code = districts.communities().get(c).code();
            TilingCheck.valid(code, communities.get(c));
            List<Geometry> parts = new ArrayList<>(gridsOf(c, originalGrids));
            if (districts.communityOf()[gapParcel] == c) {
                parts.add(parcels.get(gapParcel).polygon());
            }
            TilingCheck.tiles("community " + code, communities.get(c), parts);
            TilingCheck.cleanCoverage(
                    "grids of " + code,
                    gridsOf(c, originalGrids).stream().map(projection::toLonLat).toList());
        }
        grids.forEach(g -> TilingCheck.valid("grid", g));
        double overlapArea = OverlayNGRobust.overlay(
                        grids.get(overlap.extendedGrid()), grids.get(overlap.neighbourGrid()), OverlayNG.INTERSECTION)
                .getArea();
        TilingCheck.sameArea("planted overlap", overlap.strip().getArea(), overlapArea);
        TilingCheck.cleanCoverage(
                "communities of " + spec.code(),
                communities.stream().map(projection::toLonLat).toList());
    }

    private List<Geometry> gridsOf(int community, List<Geometry> source) {
        List<Geometry> out = new ArrayList<>();
        for (int g = 0; g < source.size(); g++) {
            if (districts.grids().get(g).parent() == community) {
                out.add(source.get(g));
            }
        }
        return out;
    }

    Geometry streetUtm() {
        return street;
    }

    StreetFeature streetFeature() {
        return new StreetFeature(
                spec.code(),
                spec.name(),
                StreetSpec.DISTRICT_CODE,
                StreetSpec.DISTRICT_NAME,
                lonLat(spec.code(), street));
    }

    List<CommunityFeature> communityFeatures() {
        List<CommunityFeature> out = new ArrayList<>();
        for (int c = 0; c < communities.size(); c++) {
            Districts.Area a = districts.communities().get(c);
            out.add(new CommunityFeature(a.code(), a.name(), spec.code(), lonLat(a.code(), communities.get(c))));
        }
        return out;
    }

    List<GridFeature> gridFeatures() {
        List<GridFeature> out = new ArrayList<>();
        for (int g = 0; g < grids.size(); g++) {
            Districts.Area a = districts.grids().get(g);
            String community = districts.communities().get(a.parent()).code();
            out.add(new GridFeature(a.code(), a.name(), community, lonLat(a.code(), grids.get(g))));
        }
        return out;
    }

    private Geometry lonLat(String what, Geometry utm) {
        Geometry out = projection.toLonLat(utm);
        TilingCheck.valid(what + " in lon/lat", out);
        return out;
    }

    /** The planted gap: the gap parcel, in its community and in no grid. */
    Faults.Gap gap() {
        Polygon p = parcels.get(gapParcel).polygon();
        String community =
                districts.communities().get(districts.communityOf()[gapParcel]).code();
        Coordinate at = interiorLonLat(p);
        return new Faults.Gap(community, round1(p.getArea()), at.x, at.y, wkt(p));
    }

    Faults.Overlap overlapFault() {
        Polygon strip = overlap.strip();
        Coordinate at = interiorLonLat(strip);
        return new Faults.Overlap(
                districts.grids().get(overlap.extendedGrid()).code(),
                districts.grids().get(overlap.neighbourGrid()).code(),
                round1(strip.getArea()),
                at.x,
                at.y,
                wkt(strip));
    }

    /** Shares of a footprint in each grid it overlaps, larger first. */
    List<Faults.GridShare> shares(Polygon footprint) {
        List<Faults.GridShare> shares = new ArrayList<>();
        for (int g = 0; g < grids.size(); g++) {
            if (grids.get(g).intersects(footprint)) {
                double a = OverlayNGRobust.overlay(grids.get(g), footprint, OverlayNG.INTERSECTION)
                        .getArea();
                shares.add(new Faults.GridShare(
                        districts.grids().get(g).code(), Math.round(a / footprint.getArea() * 1000) / 1000.0));
            }
        }
        shares.sort((x, y) -> Double.compare(y.share(), x.share()));
        return shares;
    }

    private Coordinate interiorLonLat(Geometry utm) {
        Coordinate c = utm.getInteriorPoint().getCoordinate();
        return projection.toLonLat(c.x, c.y);
    }

    private String wkt(Geometry utm) {
        return new WKTWriter().write(projection.toLonLat(utm));
    }

    static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
