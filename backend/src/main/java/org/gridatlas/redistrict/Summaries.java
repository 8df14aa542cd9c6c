package org.gridatlas.redistrict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON-ready summary of a proposal: per community and per grid figures, and the totals. */
final class Summaries {
    private Summaries() {}

    static Map<String, Object> summary(List<CommunityProposal> cs, double seconds) {
        double maxDev = 0, sumDev = 0, minPp = Double.MAX_VALUE;
        int grids = 0, moved = 0, inBand = 0;
        boolean feasible = true;
        for (CommunityProposal c : cs) {
            for (ProposedGrid g : c.grids()) {
                maxDev = Math.max(maxDev, Math.abs(g.deviation()));
                sumDev += Math.abs(g.deviation());
                minPp = Math.min(minPp, g.polsbyPopper());
                grids++;
            }
            inBand += c.stats().inBand();
            moved += c.movedHouseholds();
            feasible &= c.feasible();
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("grids", grids);
        s.put("gridsInBand", inBand);
        s.put("allInBand", feasible);
        s.put("maxDeviation", round(maxDev));
        s.put("meanDeviation", round(grids == 0 ? 0 : sumDev / grids));
        s.put("minPolsbyPopper", round(grids == 0 ? 0 : minPp));
        s.put("movedHouseholds", moved);
        s.put("seconds", round(seconds));
        return s;
    }

    static Map<String, Object> result(List<CommunityProposal> cs, Map<String, Object> summary) {
        List<Map<String, Object>> communities = new ArrayList<>();
        for (CommunityProposal c : cs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("community", c.community());
            m.put("units", c.units());
            m.put("parts", c.parts());
            m.put("feasible", c.feasible());
            m.put("infeasibility", c.infeasibility());
            m.put("notes", c.notes());
            m.put("movedHouseholds", c.movedHouseholds());
            m.put("stats", c.stats());
            if (c.baseline() != null) m.put("baseline", c.baseline());
            List<Map<String, Object>> grids = new ArrayList<>();
            for (ProposedGrid g : c.grids()) {
                Map<String, Object> gm = new LinkedHashMap<>();
                gm.put("code", g.code());
                gm.put("households", g.households());
                gm.put("buildings", g.buildings());
                gm.put("deviation", round(g.deviation()));
                gm.put("polsbyPopper", round(g.polsbyPopper()));
                gm.put("areaM2", Math.round(g.areaM2()));
                gm.put("changed", g.changed());
                grids.add(gm);
            }
            m.put("grids", grids);
            communities.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("summary", summary);
        out.put("communities", communities);
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
