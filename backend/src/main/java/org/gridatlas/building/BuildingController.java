package org.gridatlas.building;

import org.gridatlas.api.GeoJsonMediaType;
import org.gridatlas.api.LayerLimits;
import org.gridatlas.security.GridAtlasUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BuildingController {
    private final BuildingService buildings;
    private final LayerLimits limits;

    BuildingController(BuildingService buildings, LayerLimits limits) {
        this.buildings = buildings;
        this.limits = limits;
    }

    @GetMapping(path = "/api/buildings", produces = GeoJsonMediaType.VALUE)
    String buildings(
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset,
            @AuthenticationPrincipal GridAtlasUser user) {
        return buildings.buildings(user.scope(), limits.parse(bbox, limit, offset));
    }
}
