package org.gridatlas.ogc;

import org.gridatlas.api.LayerRequest;
import org.gridatlas.security.Scope;

/**
 * A collection of features served through OGC API – Features.
 *
 * @param id the collection id in URLs
 * @param temporal whether {@code datetime} filters it (by the incidents' reported time); ignored otherwise
 * @param source the capability service that returns its GeoJSON FeatureCollection
 */
public record OgcCollection(String id, String title, String description, boolean temporal, Source source) {

    /** Returns a GeoJSON FeatureCollection (with numberMatched and numberReturned) for the scope and request. */
    @FunctionalInterface
    public interface Source {
        String features(Scope scope, LayerRequest request);
    }
}
