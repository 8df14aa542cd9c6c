package org.gridatlas.sample;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.locationtech.jts.geom.Coordinate;

/**
 * Simulates a year of incidents of one street: when (weekly, daily and seasonal rhythms), what (small class), who
 * reported it (source), where (around the class's hot spots) and how it went (accepted, dispatched, resolved, closed;
 * the level that resolved it; satisfaction). The last weeks are partly still open because "now" is the end of the
 * year.
 *
 * <p>Plants {@value #ADDRESS_ONLY} incidents without coordinates whose address names a residential building: half
 * exactly, half with the variations real hotline records have.
 */
final class IncidentSimulator {
    static final int ADDRESS_ONLY = 50;
    private static final String[] SOURCES = {"hotline_12345", "patrol", "snapshot", "video", "desk"};
    private static final double[] WEEKDAY_SOURCES = {0.45, 0.31, 0.14, 0.06, 0.04};
    private static final double[] WEEKEND_SOURCES = {0.52, 0.20, 0.18, 0.08, 0.02};
    private static final String[] VARIANTS = {"fullwidth_digits", "dong", "spaces", "no_road"};

    /** One incident before ids are given: times in seconds since the start of the year, -1 = not reached. */
    private record Draft(
            IncidentCatalog.SmallClass kind,
            String source,
            String description,
            long reported,
            long[] later,
            String level,
            Integer satisfaction,
            Coordinate lonLat,
            String address) {}

    private final StreetSpec spec;
    private final IncidentPlaces places;
    private final UtmProjection projection;
    private final Rng rng;
    private final double[] cumulative;
    private final Faults faults = Faults.empty();
    private final List<Integer> addressOnly = new ArrayList<>();
    private final List<String> addressOnlyBuildings = new ArrayList<>();
    private final List<String> addressOnlyVariants = new ArrayList<>();

    IncidentSimulator(StreetSpec spec, IncidentPlaces places, UtmProjection projection, Rng rng) {
        this.spec = spec;
        this.places = places;
        this.projection = projection;
        this.rng = rng;
        this.cumulative = dayClassTable();
    }

    /** Weight of (day, class) pairs, cumulated: day rhythm × class weight × the class's season. */
    private static double[] dayClassTable() {
        List<IncidentCatalog.SmallClass> classes = IncidentCatalog.CLASSES;
        double[] table = new double[IncidentCalendar.DAYS * classes.size()];
        double total = 0;
        for (int d = 0; d < IncidentCalendar.DAYS; d++) {
            int month = IncidentCalendar.day(d).getMonthValue() - 1;
            for (int c = 0; c < classes.size(); c++) {
                total += IncidentCalendar.dayWeight(d)
                        * classes.get(c).weight()
                        * classes.get(c).months()[month];
                table[d * classes.size() + c] = total;
            }
        }
        return table;
    }

    /**
     * {@code count} incidents sorted by report time, the last {@value #ADDRESS_ONLY} drafted of them with an
     * address only; {@code residential} gives the code and address of candidate buildings.
     */
    List<IncidentRow> simulate(int count, List<IncidentPlaces.Site> residential, IntFunction<String> codeOfSite) {
        List<Draft> drafts = new ArrayList<>(count);
        for (int i = 0; i < count - ADDRESS_ONLY; i++) {
            drafts.add(located());
        }
        List<Integer> picks = new ArrayList<>();
        for (int i = 0; i < residential.size(); i++) {
            picks.add(i);
        }
        rng.shuffle(picks);
        for (int i = 0; i < ADDRESS_ONLY; i++) {
            IncidentPlaces.Site site = residential.get(picks.get(i));
            String variant = i < ADDRESS_ONLY / 2 ? "exact" : VARIANTS[i % VARIANTS.length];
            addressOnly.add(drafts.size());
            addressOnlyBuildings.add(codeOfSite.apply(picks.get(i)));
            addressOnlyVariants.add(variant);
            drafts.add(addressed(site.address(), variant));
        }
        return rows(drafts);
    }

    private Draft located() {
        int cell = drawCell();
        IncidentCatalog.SmallClass kind = IncidentCatalog.CLASSES.get(cell % IncidentCatalog.CLASSES.size());
        int day = cell / IncidentCatalog.CLASSES.size();
        String source = source(kind, day);
        IncidentPlaces.Spot spot = places.draw(IncidentCatalog.Place.values()[rng.weighted(kind.places())], rng);
        Coordinate lonLat = projection.toLonLat(spot.point().x, spot.point().y);
        boolean saysWhere = source.equals("hotline_12345") || source.equals("desk");
        return lifecycle(
                kind, source, IncidentCalendar.reportTime(day, source, rng), lonLat, saysWhere ? spot.address() : null);
    }

    /** A hotline call about a building, located by its (possibly misspelt) address only. */
    private Draft addressed(Address address, String variant) {
        List<IncidentCatalog.SmallClass> about = IncidentCatalog.CLASSES.stream()
                .filter(IncidentCatalog.SmallClass::aboutABuilding)
                .filter(k -> !k.small().equals("电梯故障"))
                .toList();
        double[] days = new double[IncidentCalendar.DAYS];
        for (int d = 0; d < days.length; d++) {
            days[d] = IncidentCalendar.dayWeight(d);
        }
        String source = "hotline_12345";
        long reported = IncidentCalendar.reportTime(rng.weighted(days), source, rng);
        return lifecycle(rng.pick(about), source, reported, null, spell(address, variant));
    }

    static String spell(Address a, String variant) {
        return switch (variant) {
            case "fullwidth_digits" -> fullWidth(a.text());
            case "dong" -> a.text().replace("幢", "栋");
            case "spaces" -> a.road() + " " + a.number() + "号 " + a.compound() + " " + a.building() + "幢";
            case "no_road" -> a.compound() + a.building() + "幢";
            default -> a.text();
        };
    }

    private static String fullWidth(String s) {
        StringBuilder out = new StringBuilder();
        for (char ch : s.toCharArray()) {
            out.append(ch >= '0' && ch <= '9' ? (char) ('０' + (ch - '0')) : ch);
        }
        return out.toString();
    }

    private String source(IncidentCatalog.SmallClass kind, int day) {
        double[] w = (IncidentCalendar.weekend(day) ? WEEKEND_SOURCES : WEEKDAY_SOURCES).clone();
        switch (kind.big()) {
            case "邻里纠纷", "物业管理" -> scale(w, 1.6, 0.6, 1, 1, 2);
            case "街面秩序", "宣传广告" -> scale(w, 0.6, 1.5, 1, 1.6, 0.5);
            case "施工管理" -> scale(w, 1.3, 1, 1, 1, 1);
            case "突发事件" -> scale(w, 1.2, 1, 1, 1.3, 0.5);
            default -> {}
        }
        return SOURCES[rng.weighted(w)];
    }

    private static void scale(double[] w, double... factors) {
        for (int i = 0; i < w.length; i++) {
            w[i] *= factors[i];
        }
    }

    /** Accepted, dispatched, resolved and closed after plausible delays; stages after "now" are not reached. */
    private Draft lifecycle(
            IncidentCatalog.SmallClass kind, String source, long reported, Coordinate lonLat, String address) {
        long accepted = reported + seconds(acceptMinutes(source));
        long dispatched = accepted
                + seconds(source.equals("patrol") && rng.chance(0.6) ? rng.logNormal(3, 0.5) : rng.logNormal(30, 0.9));
        int hour = IncidentCalendar.hourOf(dispatched);
        if (!kind.emergency() && (hour >= 22 || hour < 7)) {
            dispatched = IncidentCalendar.nextMorning(dispatched) + rng.nextInt(5_400);
        }
        int level = rng.weighted(kind.levels());
        double medianHours = new double[] {8, 60, 36}[level] * kind.slowness();
        long resolved = dispatched + seconds(rng.logNormal(medianHours * 60, 1.1));
        long closed = resolved + seconds(rng.logNormal(30 * 60, 1.0));
        long[] later = {accepted, dispatched, resolved, closed};
        int reached = 0;
        while (reached < 4 && later[reached] < IncidentCalendar.NOW) {
            reached++;
        }
        for (int i = reached; i < 4; i++) {
            later[i] = -1;
        }
        String levelName = reached >= 3 ? new String[] {"community", "department", "street"}[level] : null;
        Integer satisfaction =
                reached == 4 && rng.chance(0.88) ? rng.weighted(new double[] {0.03, 0.03, 0.08, 0.26, 0.60}) + 1 : null;
        String description = rng.pick(kind.descriptions());
        return new Draft(kind, source, description, reported, later, levelName, satisfaction, lonLat, address);
    }

    private double acceptMinutes(String source) {
        return switch (source) {
            case "hotline_12345" -> rng.logNormal(20, 0.8);
            case "patrol" -> rng.logNormal(4, 0.6);
            case "snapshot" -> rng.logNormal(35, 0.8);
            case "video" -> rng.logNormal(12, 0.7);
            default -> rng.logNormal(5, 0.5);
        };
    }

    private static long seconds(double minutes) {
        return Math.max(60, Math.round(minutes * 60));
    }

    /** Sorts by report time and gives work-order numbers: source prefix, date, street number and daily sequence. */
    private List<IncidentRow> rows(List<Draft> drafts) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingLong((Integer i) -> drafts.get(i).reported())
                .thenComparingInt(i -> i));
        Map<String, Integer> daily = new HashMap<>();
        String[] ids = new String[drafts.size()];
        List<IncidentRow> rows = new ArrayList<>();
        for (int i : order) {
            Draft d = drafts.get(i);
            ids[i] = externalId(d, daily);
            rows.add(row(ids[i], d));
        }
        for (int k = 0; k < addressOnly.size(); k++) {
            Draft d = drafts.get(addressOnly.get(k));
            faults.incidentsWithoutCoordinates()
                    .add(new Faults.AddressOnlyIncident(
                            ids[addressOnly.get(k)],
                            addressOnlyBuildings.get(k),
                            d.address(),
                            addressOnlyVariants.get(k)));
        }
        faults.incidentsWithoutCoordinates().sort(Comparator.comparing(Faults.AddressOnlyIncident::externalId));
        return rows;
    }

    private String externalId(Draft d, Map<String, Integer> daily) {
        String prefix =
                switch (d.source()) {
                    case "hotline_12345" -> "12345";
                    case "patrol" -> "XC";
                    case "snapshot" -> "SSP";
                    case "video" -> "SP";
                    default -> "CK";
                };
        String date = IncidentCalendar.toDateTime(d.reported())
                .toLocalDate()
                .toString()
                .replace("-", "");
        int seq = daily.merge(prefix + date, 1, Integer::sum);
        if (seq > 999) {
            throw new IllegalStateException("more than 999 " + prefix + " incidents on " + date);
        }
        return String.format(Locale.ROOT, "%s-%s-%03d%03d", prefix, date, spec.number(), seq);
    }

    private static IncidentRow row(String id, Draft d) {
        String[] statuses = {"reported", "accepted", "dispatched", "resolved", "closed"};
        int reached = 0;
        while (reached < 4 && d.later()[reached] >= 0) {
            reached++;
        }
        return new IncidentRow(
                id,
                d.source(),
                d.kind().big(),
                d.kind().small(),
                d.description(),
                IncidentCalendar.toDateTime(d.reported()),
                time(d.later()[0]),
                time(d.later()[1]),
                time(d.later()[2]),
                time(d.later()[3]),
                statuses[reached],
                d.level(),
                d.satisfaction(),
                d.lonLat() == null ? null : d.lonLat().x,
                d.lonLat() == null ? null : d.lonLat().y,
                d.address());
    }

    private static OffsetDateTime time(long seconds) {
        return seconds < 0 ? null : IncidentCalendar.toDateTime(seconds);
    }

    /** A (day, class) cell of the cumulated table, drawn by weight. */
    private int drawCell() {
        double target = rng.next() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, target);
        return Math.min(i >= 0 ? i + 1 : -i - 1, cumulative.length - 1);
    }

    Faults faults() {
        return faults;
    }
}
