package org.gridatlas.sample;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Generates one street, a pure function of (seed, street number), in three phases: the land (lattice, parcels,
 * land use, buildings), the plan drawn on it (communities, the gap, grids, the overlap and the straddlers), and
 * the people and events (addresses, workers, incidents).
 */
final class StreetGenerator {
    /** The physical street in UTM metres. */
    private record Land(RoadLattice lattice, List<Parcel> parcels, List<PlacedBuilding> buildings, ParcelGraph graph) {}

    /**
     * Communities and grids drawn on the land, with the geometric faults planted, and the land they were drawn on
     * (the old town rebuilds part of it once the communities are known).
     */
    private record Plan(Land land, Districts districts, int gapParcel, PlantedOverlap overlap, Set<String> usedStems) {}

    private final long seed;
    private final UtmProjection projection;
    private final int incidents;

    StreetGenerator(long seed, UtmProjection projection, int incidents) {
        this.seed = seed;
        this.projection = projection;
        this.incidents = incidents;
    }

    StreetSample generate(StreetSpec spec) {
        Plan plan = plan(spec, land(spec));
        Land land = plan.land();
        StreetAssembler assembler = new StreetAssembler(
                spec, projection, land.parcels(), plan.districts(), plan.gapParcel(), plan.overlap());
        assembler.check();
        AddressBook addresses = new AddressBook(spec, plan.usedStems(), rng(spec, "addresses"));
        BuildingCatalog catalog = new BuildingCatalog(
                land.buildings(), addresses.assign(land.parcels(), land.buildings()), plan.districts(), projection);
        Faults faults = Faults.empty();
        Set<Integer> busyGrids = geometricFaults(plan, assembler, catalog, faults);
        int[][] gridNeighbours = land.graph()
                .quotient(plan.districts().gridOf(), plan.districts().gridCount());
        WorkerRoster roster =
                new WorkerRoster(plan.districts(), catalog, gridNeighbours, rng(spec, "workers")).staff(busyGrids);
        faults.addAll(roster.faults());
        IncidentScene scene = new IncidentScene(land.parcels(), catalog, addresses);
        IncidentPlaces places = new IncidentPlaces(
                assembler.streetUtm(),
                scene.sites(),
                scene.markets(),
                scene.works(),
                land.lattice().segments(),
                rng(spec, "places"));
        IncidentSimulator simulator = new IncidentSimulator(spec, places, projection, rng(spec, "incidents"));
        List<IncidentRow> incidentRows =
                simulator.simulate(incidents, scene.residentialSites(), scene::residentialCode);
        faults.addAll(simulator.faults());
        return new StreetSample(
                assembler.streetFeature(),
                assembler.communityFeatures(),
                assembler.gridFeatures(),
                catalog.features(),
                roster.workers(),
                roster.assignments(),
                incidentRows,
                catalog.communityTotals(plan.districts()),
                catalog.gridTotals(plan.districts()),
                faults);
    }

    private Land land(StreetSpec spec) {
        RoadLattice lattice = RoadLattice.generate(spec, rng(spec, "lattice"));
        List<Parcel> parcels =
                Zoning.assign(parcels(lattice, rng(spec, "parcels")), lattice.blocks(), spec, rng(spec, "zoning"));
        BuildingPlacer placer = new BuildingPlacer(projection.utmFactory(), rng(spec, "buildings"));
        List<PlacedBuilding> buildings = new ArrayList<>();
        for (Parcel p : parcels) {
            buildings.addAll(placer.place(p));
        }
        return new Land(lattice, parcels, buildings, ParcelGraph.of(parcels));
    }

    /** Splits every block and nodes the parcels into an exact coverage. */
    private List<Parcel> parcels(RoadLattice lattice, Rng rng) {
        GeometryFactory factory = projection.utmFactory();
        ParcelSplitter splitter = new ParcelSplitter(factory, rng);
        List<Polygon> polygons = new ArrayList<>();
        List<Block> owners = new ArrayList<>();
        for (Block block : lattice.blocks()) {
            for (Polygon p : splitter.split(block)) {
                polygons.add(p);
                owners.add(block);
            }
        }
        List<Polygon> noded = CoverageNoder.node(polygons, factory);
        List<Parcel> parcels = new ArrayList<>();
        for (int i = 0; i < noded.size(); i++) {
            parcels.add(new Parcel(i, owners.get(i), noded.get(i), LandUse.OFFICE));
        }
        return parcels;
    }

    /** Communities, the gap parcel, grids, then the overlap and the straddlers (which change parcels and buildings). */
    private Plan plan(StreetSpec spec, Land drawn) {
        Districting districting = new Districting(spec, drawn.parcels(), drawn.graph(), drawn.buildings());
        int[] communityOf = districting.communities();
        int oldTown = OldTown.has(spec) ? OldTown.community(drawn.parcels(), communityOf) : -1;
        Land land = drawn;
        if (oldTown >= 0) {
            BuildingPlacer placer = new BuildingPlacer(projection.utmFactory(), rng(spec, "courtyards"));
            OldTown.Converted c = OldTown.rebuild(drawn.parcels(), drawn.buildings(), communityOf, oldTown, placer);
            land = new Land(drawn.lattice(), c.parcels(), c.buildings(), drawn.graph());
            districting = new Districting(spec, land.parcels(), land.graph(), land.buildings());
        }
        FaultPlanter planter = new FaultPlanter(land.parcels(), land.graph(), rng(spec, "faults"));
        int gap = planter.chooseGap(communityOf, land.buildings());
        Set<String> stems = new HashSet<>();
        Districts districts = districting.grids(communityOf, gap, stems, rng(spec, "names"), oldTown);
        PlantedOverlap overlap = planter.plantOverlap(districts.gridOf(), communityOf, land.buildings());
        planter.plantStraddlers(districts.gridOf(), communityOf, overlap, land.buildings());
        return new Plan(land, districts, gap, overlap, stems);
    }

    /** Records gap, overlap and straddlers; returns the grids they involve (kept clear of staffing faults). */
    private static Set<Integer> geometricFaults(
            Plan plan, StreetAssembler assembler, BuildingCatalog catalog, Faults faults) {
        faults.gaps().add(assembler.gap());
        faults.overlaps().add(assembler.overlapFault());
        Set<Integer> busy = new HashSet<>(
                List.of(plan.overlap().extendedGrid(), plan.overlap().neighbourGrid()));
        for (int i = 0; i < catalog.size(); i++) {
            if (catalog.placed(i).straddler()) {
                List<Faults.GridShare> shares =
                        assembler.shares(catalog.placed(i).footprint());
                faults.straddlingBuildings()
                        .add(new Faults.StraddlingBuilding(catalog.feature(i).code(), shares));
                shares.forEach(s -> busy.add(plan.districts().gridIndex(s.gridCode())));
            }
        }
        return busy;
    }

    private Rng rng(StreetSpec spec, String stage) {
        return Rng.of(seed, spec.number(), stage);
    }
}
