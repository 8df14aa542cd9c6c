package org.gridatlas.grid;

import java.util.List;
import org.gridatlas.api.GeoJsonMediaType;
import org.gridatlas.api.LayerLimits;
import org.gridatlas.security.GridAtlasUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GridController {
    private final GridService grids;
    private final PlanService plans;
    private final LayerLimits limits;

    GridController(GridService grids, PlanService plans, LayerLimits limits) {
        this.grids = grids;
        this.plans = plans;
        this.limits = limits;
    }

    @GetMapping(path = "/api/grids", produces = GeoJsonMediaType.VALUE)
    String grids(
            @RequestParam(required = false) Long plan,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset,
            @AuthenticationPrincipal GridAtlasUser user) {
        return grids.grids(user.scope(), plan, limits.parse(bbox, limit, offset));
    }

    @GetMapping("/api/plans")
    List<PlanService.Plan> plans(@AuthenticationPrincipal GridAtlasUser user) {
        return plans.plans(user.scope());
    }
}
