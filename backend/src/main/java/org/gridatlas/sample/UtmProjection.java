package org.gridatlas.sample;

import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Converts between the generator's working CRS, UTM zone 51N (EPSG:32651, metres), and the output CRS, WGS84
 * lon/lat (EPSG:4326 in RFC 7946 axis order), with GeoTools' EPSG database.
 *
 * <p>Output coordinates are rounded to seven decimals (about 1 cm). Equal input vertices always give equal
 * output vertices, so polygons that share edges in metres still share them exactly in degrees.
 */
final class UtmProjection {
    static final int UTM_SRID = 32651;
    static final int WGS84_SRID = 4326;

    private final MathTransform toLonLat;
    private final MathTransform toUtm;
    private final GeometryFactory utm = new GeometryFactory(new PrecisionModel(), UTM_SRID);
    private final GeometryFactory lonLat = new GeometryFactory(new PrecisionModel(), WGS84_SRID);

    private UtmProjection(MathTransform toLonLat, MathTransform toUtm) {
        this.toLonLat = toLonLat;
        this.toUtm = toUtm;
    }

    static UtmProjection create() {
        try {
            CoordinateReferenceSystem utm = CRS.decode("EPSG:" + UTM_SRID, true);
            CoordinateReferenceSystem wgs84 = CRS.decode("EPSG:" + WGS84_SRID, true);
            return new UtmProjection(CRS.findMathTransform(utm, wgs84, true), CRS.findMathTransform(wgs84, utm, true));
        } catch (FactoryException e) {
            throw new IllegalStateException("GeoTools cannot build the UTM 51N transform", e);
        }
    }

    GeometryFactory utmFactory() {
        return utm;
    }

    /** Easting/northing of a lon/lat point. */
    Coordinate toUtm(double lon, double lat) {
        double[] out = transform(toUtm, lon, lat);
        return new Coordinate(out[0], out[1]);
    }

    /** Lon/lat of a UTM point, rounded to seven decimals. */
    Coordinate toLonLat(double east, double north) {
        double[] out = transform(toLonLat, east, north);
        return new Coordinate(Decimal7.round(out[0]), Decimal7.round(out[1]));
    }

    /** A copy of a UTM geometry in rounded lon/lat. */
    @SuppressWarnings("unchecked")
    <G extends Geometry> G toLonLat(G geometry) {
        Geometry copy = lonLat.createGeometry(geometry);
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                Coordinate c = toLonLat(seq.getX(i), seq.getY(i));
                seq.setOrdinate(i, 0, c.x);
                seq.setOrdinate(i, 1, c.y);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return (G) copy;
    }

    private static double[] transform(MathTransform transform, double x, double y) {
        double[] out = new double[2];
        try {
            transform.transform(new double[] {x, y}, 0, out, 0, 1);
        } catch (TransformException e) {
            throw new IllegalStateException("cannot transform " + x + ", " + y, e);
        }
        return out;
    }
}
