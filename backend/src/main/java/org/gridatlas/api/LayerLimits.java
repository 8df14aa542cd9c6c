package org.gridatlas.api;

import org.gridatlas.geo.Bbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Parses the layer parameters of a request with the deployment's paging limits. */
@Component
public class LayerLimits {
    private final int defaultLimit;
    private final int maxLimit;

    LayerLimits(
            @Value("${gridatlas.layers.default-limit}") int defaultLimit,
            @Value("${gridatlas.layers.max-limit}") int maxLimit) {
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
    }

    public LayerRequest parse(String bbox, Integer limit, Integer offset) {
        return new LayerRequest(Bbox.parse("bbox", bbox), PageRequest.of(limit, offset, defaultLimit, maxLimit));
    }
}
