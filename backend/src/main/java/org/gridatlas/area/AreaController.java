package org.gridatlas.area;

import org.gridatlas.api.GeoJsonMediaType;
import org.gridatlas.api.LayerLimits;
import org.gridatlas.security.GridAtlasUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AreaController {
    private final AreaService areas;
    private final LayerLimits limits;

    AreaController(AreaService areas, LayerLimits limits) {
        this.areas = areas;
        this.limits = limits;
    }

    @GetMapping(path = "/api/streets", produces = GeoJsonMediaType.VALUE)
    String streets(
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset,
            @AuthenticationPrincipal GridAtlasUser user) {
        return areas.streets(user.scope(), limits.parse(bbox, limit, offset));
    }

    @GetMapping(path = "/api/communities", produces = GeoJsonMediaType.VALUE)
    String communities(
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset,
            @AuthenticationPrincipal GridAtlasUser user) {
        return areas.communities(user.scope(), limits.parse(bbox, limit, offset));
    }
}
