package org.gridatlas.plan;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.gridatlas.ingest.GeoJsonFeatures;
import org.gridatlas.ingest.Problems;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the grids of a KML file as {@link PlanExports} writes it (and as consumer GIS apps save it): each Placemark
 * is a grid, its code in ExtendedData {@code code} (Data or SimpleData), else its name when that is a 15-digit code;
 * its Polygon or MultiGeometry of polygons is read here (KML is always WGS84 lon/lat), so a broken shape is named
 * with its Placemark number instead of failing a database statement.
 */
final class PlanKml {
    private PlanKml() {}

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    static List<PlanImportService.ImportedGrid> read(InputStream in, Problems problems) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true); // no XXE
            doc = f.newDocumentBuilder().parse(in);
        } catch (SAXException | ParserConfigurationException e) {
            problems.add(0, null, "not a readable KML (XML) file: " + e.getMessage());
            return List.of();
        }
        List<PlanImportService.ImportedGrid> out = new ArrayList<>();
        NodeList placemarks = doc.getElementsByTagName("Placemark");
        for (int i = 0; i < placemarks.getLength(); i++) {
            int n = i + 1;
            Element p = (Element) placemarks.item(i);
            String name = childText(p, "name");
            String code = extended(p, "code");
            if (code == null && name != null && name.strip().matches("[0-9]{15}")) code = name.strip();
            if (code == null) problems.add(n, "code", "is missing: ExtendedData 'code' or a 15-digit name");
            Element shape = first(p, "MultiGeometry");
            if (shape == null) shape = first(p, "Polygon");
            if (shape == null) {
                problems.add(n, "geometry", "is missing: a Polygon or a MultiGeometry of polygons");
                continue;
            }
            Geometry g = geometry(n, shape, problems);
            if (g != null && code != null)
                out.add(new PlanImportService.ImportedGrid(n, code, code.equals(name) ? null : name, g));
        }
        if (placemarks.getLength() == 0) problems.add(0, "Placemark", "the KML holds no Placemark");
        return out;
    }

    private static Geometry geometry(int n, Element shape, Problems problems) {
        List<Polygon> polygons = new ArrayList<>();
        NodeList list = shape.getTagName().equals("Polygon") ? null : shape.getElementsByTagName("Polygon");
        try {
            if (list == null) polygons.add(polygon(shape));
            else for (int i = 0; i < list.getLength(); i++) polygons.add(polygon((Element) list.item(i)));
        } catch (IllegalArgumentException e) {
            problems.add(n, "geometry", e.getMessage());
            return null;
        }
        if (polygons.isEmpty()) {
            problems.add(n, "geometry", "holds no polygon");
            return null;
        }
        return GeoJsonFeatures.lonLatPolygons(n, WGS84.createMultiPolygon(polygons.toArray(Polygon[]::new)), problems);
    }

    /** A KML Polygon: outerBoundaryIs and innerBoundaryIs LinearRings of "lon,lat[,alt]" tuples. */
    private static Polygon polygon(Element polygon) {
        Element outer = first(polygon, "outerBoundaryIs");
        if (outer == null) throw new IllegalArgumentException("a Polygon has no outerBoundaryIs");
        LinearRing shell = ring(outer);
        List<LinearRing> holes = new ArrayList<>();
        NodeList inner = polygon.getElementsByTagName("innerBoundaryIs");
        for (int i = 0; i < inner.getLength(); i++) holes.add(ring((Element) inner.item(i)));
        return WGS84.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    private static LinearRing ring(Element boundary) {
        Element coordinates = first(boundary, "coordinates");
        if (coordinates == null) throw new IllegalArgumentException("a ring has no coordinates");
        List<Coordinate> points = new ArrayList<>();
        for (String tuple : coordinates.getTextContent().strip().split("\\s+")) {
            String[] xy = tuple.split(",");
            try {
                points.add(new Coordinate(Double.parseDouble(xy[0]), Double.parseDouble(xy[1])));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("'" + tuple + "' is not a lon,lat coordinate");
            }
        }
        if (points.size() < 4 || !points.get(0).equals2D(points.get(points.size() - 1))) {
            throw new IllegalArgumentException("a ring must be closed and have at least 4 points");
        }
        return WGS84.createLinearRing(points.toArray(Coordinate[]::new));
    }

    private static Element first(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static String childText(Element parent, String tag) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && e.getTagName().equals(tag))
                return e.getTextContent().strip();
        }
        return null;
    }

    /** ExtendedData value by name: {@code <Data name=..><value>} or {@code <SimpleData name=..>}. */
    private static String extended(Element placemark, String key) {
        NodeList data = placemark.getElementsByTagName("Data");
        for (int i = 0; i < data.getLength(); i++) {
            Element d = (Element) data.item(i);
            if (key.equals(d.getAttribute("name"))) {
                Element v = first(d, "value");
                return v == null ? null : v.getTextContent().strip();
            }
        }
        NodeList simple = placemark.getElementsByTagName("SimpleData");
        for (int i = 0; i < simple.getLength(); i++) {
            Element d = (Element) simple.item(i);
            if (key.equals(d.getAttribute("name"))) return d.getTextContent().strip();
        }
        return null;
    }
}
