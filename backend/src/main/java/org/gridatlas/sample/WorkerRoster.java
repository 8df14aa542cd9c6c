package org.gridatlas.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Staffs the grids: per grid a grid chief (专职网格员 as 网格长), an instructor (网格指导员), 2–4 part-time workers,
 * 4–9 party members pairing 3–6 households each and a building leader (楼长) for most walk-ups and resettlement
 * slabs; per community a few volunteers and 1–2 mobile workers (couriers reporting by snapshot) covering 2–3 grids.
 *
 * <p>Plants two staffing faults: two grids (in different communities) get no worker at all, and one building
 * leader's assignment names a neighbouring grid instead of the grid the building lies in.
 */
final class WorkerRoster {
    static final LocalDate VALID_FROM = LocalDate.of(2025, 1, 1);
    static final int UNSTAFFED_GRIDS = 2;
    /** Share of walk-ups and resettlement slabs that have a building leader. */
    private static final double LEADER_COVERAGE = 0.85;

    private final Districts districts;
    private final BuildingCatalog buildings;
    private final int[][] gridNeighbours;
    private final Rng rng;
    private final Set<String> phones = new HashSet<>();
    private final List<WorkerRow> workers = new ArrayList<>();
    private final List<AssignmentRow> assignments = new ArrayList<>();
    private final List<Integer> leaderRows = new ArrayList<>();
    private final Faults faults = Faults.empty();
    private int seq;

    WorkerRoster(Districts districts, BuildingCatalog buildings, int[][] gridNeighbours, Rng rng) {
        this.districts = districts;
        this.buildings = buildings;
        this.gridNeighbours = gridNeighbours;
        this.rng = rng;
    }

    /** Staffs every grid but two; {@code busyGrids} (other faults) are never chosen as unstaffed. */
    WorkerRoster staff(Set<Integer> busyGrids) {
        Set<Integer> unstaffed = chooseUnstaffed(busyGrids);
        for (int c = 0; c < districts.communities().size(); c++) {
            seq = 0;
            List<Integer> staffed = new ArrayList<>();
            for (int g = 0; g < districts.gridCount(); g++) {
                if (districts.grids().get(g).parent() == c && !unstaffed.contains(g)) {
                    staffGrid(c, g);
                    staffed.add(g);
                }
            }
            communityHelpers(c, staffed);
        }
        misplaceOneLeader(unstaffed);
        return this;
    }

    private Set<Integer> chooseUnstaffed(Set<Integer> busyGrids) {
        List<Integer> candidates = new ArrayList<>();
        for (int g = 0; g < districts.gridCount(); g++) {
            if (!busyGrids.contains(g)) {
                candidates.add(g);
            }
        }
        rng.shuffle(candidates);
        Set<Integer> chosen = new TreeSet<>();
        Set<Integer> communities = new HashSet<>();
        for (int g : candidates) {
            if (chosen.size() < UNSTAFFED_GRIDS
                    && communities.add(districts.grids().get(g).parent())) {
                chosen.add(g);
            }
        }
        for (int g : chosen) {
            Districts.Area a = districts.grids().get(g);
            faults.gridsWithoutWorkers()
                    .add(new Faults.UnstaffedGrid(
                            a.code(), districts.communities().get(a.parent()).code()));
        }
        return chosen;
    }

    private void staffGrid(int c, int g) {
        assign(hire(c, "full_time"), g, null, "grid_chief", null);
        assign(hire(c, "instructor"), g, null, "instructor", null);
        for (int i = rng.between(2, 4); i > 0; i--) {
            assign(hire(c, "part_time"), g, null, "part_time", null);
        }
        for (int i = rng.between(4, 9); i > 0; i--) {
            assign(hire(c, "party_member"), g, null, "party_member", rng.between(3, 6));
        }
        for (int b = 0; b < buildings.size(); b++) {
            PlacedBuilding p = buildings.placed(b);
            if (buildings.grid(b) == g
                    && p.draft().kind().hasLeader()
                    && !p.straddler()
                    && rng.chance(LEADER_COVERAGE)) {
                leaderRows.add(assignments.size());
                assign(hire(c, "building_leader"), g, buildings.feature(b).code(), "building_leader", null);
            }
        }
    }

    /** Volunteers (one grid each) and mobile workers (2–3 grids each) of a community. */
    private void communityHelpers(int c, List<Integer> staffed) {
        for (int i = rng.between(3, 6); i > 0; i--) {
            assign(hire(c, "volunteer"), rng.pick(staffed), null, "volunteer", null);
        }
        for (int i = rng.between(1, 2); i > 0; i--) {
            String worker = hire(c, "mobile");
            List<Integer> grids = new ArrayList<>(staffed);
            rng.shuffle(grids);
            grids.subList(0, Math.min(grids.size(), rng.between(2, 3))).stream()
                    .sorted()
                    .forEach(g -> assign(worker, g, null, "mobile", null));
        }
    }

    /** Moves one building leader's grid to a staffed neighbour grid of the same community. */
    private void misplaceOneLeader(Set<Integer> unstaffed) {
        List<Integer> rows = new ArrayList<>(leaderRows);
        rng.shuffle(rows);
        for (int row : rows) {
            AssignmentRow a = assignments.get(row);
            int grid = districts.gridIndex(a.gridCode());
            for (int n : gridNeighbours[grid]) {
                if (!unstaffed.contains(n)
                        && districts.grids().get(n).parent()
                                == districts.grids().get(grid).parent()) {
                    String wrong = districts.grids().get(n).code();
                    assignments.set(
                            row,
                            new AssignmentRow(
                                    a.workerCode(),
                                    wrong,
                                    a.buildingCode(),
                                    a.role(),
                                    a.households(),
                                    a.validFrom(),
                                    a.validTo()));
                    faults.misplacedBuildingLeaders()
                            .add(new Faults.MisplacedLeader(a.workerCode(), a.buildingCode(), wrong, a.gridCode()));
                    return;
                }
            }
        }
        throw new IllegalStateException("no building leader can be misplaced");
    }

    private String hire(int c, String kind) {
        String community = districts.communities().get(c).code();
        String code = "W" + community + String.format(Locale.ROOT, "-%04d", ++seq);
        workers.add(new WorkerRow(code, NameBook.personName(rng), NameBook.phone(rng, phones), kind, community));
        return code;
    }

    private void assign(String worker, int grid, String building, String role, Integer households) {
        assignments.add(new AssignmentRow(
                worker, districts.grids().get(grid).code(), building, role, households, VALID_FROM, null));
    }

    List<WorkerRow> workers() {
        return workers;
    }

    List<AssignmentRow> assignments() {
        return assignments;
    }

    Faults faults() {
        return faults;
    }
}
