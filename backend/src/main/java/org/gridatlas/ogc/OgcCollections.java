package org.gridatlas.ogc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridatlas.area.AreaService;
import org.gridatlas.building.BuildingService;
import org.gridatlas.coverage.CoverageFeatures;
import org.gridatlas.grid.GridService;
import org.gridatlas.grid.PlanService;
import org.gridatlas.incident.IncidentLayerService;
import org.gridatlas.security.Scope;
import org.springframework.stereotype.Component;

/**
 * The collections a user sees: the fixed layers, and each boundary plan of the scope that is not the published one
 * (drafts and archived plans) as its own collection {@code grids-plan-<id>}.
 */
@Component
class OgcCollections {
    private final AreaService areas;
    private final GridService grids;
    private final PlanService plans;
    private final BuildingService buildings;
    private final IncidentLayerService incidents;
    private final CoverageFeatures coverage;

    OgcCollections(
            AreaService areas,
            GridService grids,
            PlanService plans,
            BuildingService buildings,
            IncidentLayerService incidents,
            CoverageFeatures coverage) {
        this.areas = areas;
        this.grids = grids;
        this.plans = plans;
        this.buildings = buildings;
        this.incidents = incidents;
        this.coverage = coverage;
    }

    List<OgcCollection> all(Scope scope) {
        List<OgcCollection> list = new ArrayList<>(List.of(
                new OgcCollection("streets", "街道 Streets", "Streets with their 9-digit codes", false, areas::streets),
                new OgcCollection(
                        "communities",
                        "社区 Communities",
                        "Communities with their 12-digit codes",
                        false,
                        areas::communities),
                new OgcCollection(
                        "grids",
                        "网格 Grids (published plan)",
                        "Grids of the published boundary plan, with buildings, households, residents and area",
                        false,
                        (s, r) -> grids.grids(s, null, r)),
                new OgcCollection(
                        "buildings",
                        "楼栋 Buildings",
                        "Building footprints with type, floors, households and residents",
                        false,
                        buildings::buildings),
                new OgcCollection(
                        "incidents",
                        "事件 Incidents",
                        "Located incidents (no reporter, description or address); datetime filters the reported time",
                        true,
                        incidents::incidents),
                new OgcCollection(
                        "coverage",
                        "网格覆盖 Coverage per grid",
                        "Grids of the published plan with the coverage figures: households, residents, workers by kind,"
                                + " households per full-time worker and norm status, party-member pairing, incidents",
                        false,
                        coverage::features)));
        for (PlanService.Plan p : plans.plans(scope)) {
            if (p.status().equals("published")) continue;
            list.add(new OgcCollection(
                    "grids-plan-" + p.id(),
                    "网格 Grids of plan " + p.id() + " (" + p.status() + "): " + p.name(),
                    "Grids of the " + p.status() + " boundary plan " + p.id(),
                    false,
                    (s, r) -> grids.grids(s, p.id(), r)));
        }
        return list;
    }

    Optional<OgcCollection> find(Scope scope, String id) {
        return all(scope).stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
