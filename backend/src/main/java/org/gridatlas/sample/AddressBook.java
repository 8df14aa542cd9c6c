package org.gridatlas.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;

/**
 * Names compounds and gives every building its standard address.
 *
 * <p>The buildings of one land use in one block form a compound (小区, school, market…). A compound takes its house
 * number on the block's road nearest to it: numbers count every 15 m from the road's west end (east–west roads) or
 * north end (north–south roads), odd on the north/east side and even on the south/west side, and are unique per
 * road. Buildings of a compound are numbered 1幢, 2幢… in rows of 25 m from the north, west to east in a row. Shops
 * of shop rows get a house number each and no compound.
 */
final class AddressBook {
    private static final double NUMBER_SPACING = 15;
    private static final double ROW = 25;

    private final StreetSpec spec;
    private final Set<String> stems;
    private final Rng rng;
    private final Map<String, Set<Integer>> usedNumbers = new HashMap<>();

    AddressBook(StreetSpec spec, Set<String> stems, Rng rng) {
        this.spec = spec;
        this.stems = stems;
        this.rng = rng;
    }

    /** Addresses of the buildings, in the same order. */
    List<Address> assign(List<Parcel> parcels, List<PlacedBuilding> buildings) {
        Address[] out = new Address[buildings.size()];
        Map<String, List<Integer>> compounds = new LinkedHashMap<>();
        for (int i = 0; i < buildings.size(); i++) {
            Parcel parcel = parcels.get(buildings.get(i).parcel());
            if (parcel.use() == LandUse.SHOPS) {
                Coordinate c = centre(buildings.get(i));
                out[i] = houseNumber(parcel.block(), c, null, null);
            } else {
                compounds
                        .computeIfAbsent(parcel.block().id() + "/" + parcel.use(), k -> new ArrayList<>())
                        .add(i);
            }
        }
        for (List<Integer> members : compounds.values()) {
            Parcel parcel = parcels.get(buildings.get(members.get(0)).parcel());
            String name = compoundName(parcel.use());
            Address gate = houseNumber(parcel.block(), centroid(buildings, members), name, null);
            List<Integer> numbered = numberingOrder(buildings, members);
            for (int n = 0; n < numbered.size(); n++) {
                out[numbered.get(n)] = new Address(gate.road(), gate.number(), name, n + 1);
            }
        }
        return List.of(out);
    }

    /** The named address of a place without buildings (a construction site). */
    Address site(Parcel parcel) {
        return houseNumber(
                parcel.block(), parcel.polygon().getCentroid().getCoordinate(), compoundName(parcel.use()), null);
    }

    private String compoundName(LandUse use) {
        String[] suffixes =
                switch (use) {
                    case OLD -> new String[] {"小区", "新村", "小区", "花苑"};
                    case VILLAGE -> new String[] {"村"};
                    case COMMERCIAL -> new String[] {"花园", "苑", "府", "名邸", "公寓"};
                    case RESETTLEMENT -> new String[] {"家园", "安置小区"};
                    case PUBLIC_RENTAL -> new String[] {"公租房小区"};
                    case MARKET -> new String[] {"农贸市场"};
                    case SCHOOL -> new String[] {"小学", "中学", "实验小学", "幼儿园"};
                    case OFFICE -> new String[] {"大厦", "商务中心", "科技园"};
                    case INDUSTRY -> new String[] {"工业园", "物流园"};
                    case CONSTRUCTION -> new String[] {"地块项目"};
                    case SHOPS, GREEN -> new String[] {"商铺"};
                };
        return NameBook.placeStem(rng, stems) + suffixes[rng.nextInt(suffixes.length)];
    }

    private Address houseNumber(Block block, Coordinate at, String compound, Integer building) {
        int side = 0;
        for (int k = 1; k < 4; k++) {
            if (block.distanceToSide(k, at) < block.distanceToSide(side, at)) {
                side = k;
            }
        }
        Road road = block.sides()[side];
        boolean odd = side == 0 || side == 3; // north of an east–west road, east of a north–south road
        double along =
                road.northSouth() ? spec.origin().y + StreetSpec.HEIGHT + 200 - at.y : at.x - spec.origin().x + 200;
        int number = 2 * (int) Math.floor(along / NUMBER_SPACING) + (odd ? 1 : 2);
        Set<Integer> used = usedNumbers.computeIfAbsent(road.name(), r -> new HashSet<>());
        while (!used.add(number)) {
            number += 2;
        }
        return new Address(road.name(), number, compound, building);
    }

    private static List<Integer> numberingOrder(List<PlacedBuilding> buildings, List<Integer> members) {
        double top = members.stream()
                .mapToDouble(i -> centre(buildings.get(i)).y)
                .max()
                .orElse(0);
        List<Integer> order = new ArrayList<>(members);
        order.sort(Comparator.comparingLong((Integer i) -> (long) Math.floor((top - centre(buildings.get(i)).y) / ROW))
                .thenComparingDouble(i -> centre(buildings.get(i)).x)
                .thenComparingInt(i -> i));
        return order;
    }

    private static Coordinate centroid(List<PlacedBuilding> buildings, List<Integer> members) {
        double x = 0;
        double y = 0;
        for (int i : members) {
            x += centre(buildings.get(i)).x;
            y += centre(buildings.get(i)).y;
        }
        return new Coordinate(x / members.size(), y / members.size());
    }

    private static Coordinate centre(PlacedBuilding b) {
        return b.footprint().getCentroid().getCoordinate();
    }
}
