package org.gridatlas.coverage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Encodes coverage results as JSON (snake_case, like the other layers) and as RFC 7946 GeoJSON with the figures as
 * properties. Personal data (worker names, phones) never goes into GeoJSON.
 */
final class CoverageJson {
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();
    private static final Set<String> PERSONAL = Set.of("name", "phone");

    private CoverageJson() {}

    record Feature(String type, String id, @JsonRawValue String geometry, Map<String, Object> properties) {}

    record FeatureCollection(
            String type,
            @JsonProperty("numberMatched") int numberMatched,
            @JsonProperty("numberReturned") int numberReturned,
            List<Feature> features) {}

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** Writes the value as JSON (UTF-8) straight to the stream: no intermediate string for a city-sized answer. */
    static void write(OutputStream out, Object value) {
        JSON.writeValue(out, value);
    }

    /**
     * The whole coverage with the GeoJSON geometry of each grid and each fault (null for a fault without place) as
     * {@code geometry}: what a page needs in one answer. Workers never carry a geometry here (their names do).
     */
    static String jsonWithGeometry(Coverage coverage) {
        return JSON.writeValueAsString(withGeometry(coverage));
    }

    /** {@link #jsonWithGeometry} written straight to the stream. */
    static void writeWithGeometry(OutputStream out, Coverage coverage) {
        JSON.writeValue(out, withGeometry(coverage));
    }

    private static ObjectNode withGeometry(Coverage coverage) {
        ObjectNode root = JSON.valueToTree(coverage);
        putGeometry((ArrayNode) root.get("grids"), coverage.grids(), GridCoverage::geometry);
        putGeometry((ArrayNode) root.get("faults"), coverage.faults(), CoverageFault::geometry);
        return root;
    }

    private static <T> void putGeometry(ArrayNode rows, List<T> items, Function<T, String> geometry) {
        for (int i = 0; i < items.size(); i++) {
            String g = geometry.apply(items.get(i));
            ((ObjectNode) rows.get(i)).putRawValue("geometry", new RawValue(g == null ? "null" : g));
        }
    }

    /** A FeatureCollection of the items; {@code personal} says whether the items carry personal data to drop. */
    static <T> String features(List<T> items, Function<T, String> id, Function<T, String> geometry, boolean personal) {
        return features(items, id, geometry, personal, items.size());
    }

    /** A page of a larger result: {@code matched} features in all, these returned. */
    static <T> String features(
            List<T> items, Function<T, String> id, Function<T, String> geometry, boolean personal, int matched) {
        List<Feature> features = items.stream()
                .map(item -> new Feature("Feature", id.apply(item), geometry.apply(item), properties(item, personal)))
                .toList();
        return json(new FeatureCollection("FeatureCollection", matched, features.size(), features));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Object item, boolean personal) {
        Map<String, Object> p = JSON.convertValue(item, Map.class);
        if (personal) p.keySet().removeAll(PERSONAL);
        return p;
    }
}
