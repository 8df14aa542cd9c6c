package org.gridatlas.plan;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridatlas.security.GridAtlasUser;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saves a balanced proposal (package redistrict) as a new draft plan: the draft is copied from the base plan as
 * usual, then each proposed community's grids are replaced — locked grids and grids of other communities stay
 * byte-identical because they are never rewritten.
 */
@Service
public class ProposalDrafts {
    private final PlanEditingService editing;
    private final PlanStore store;
    private final NormBandStore norms;

    ProposalDrafts(PlanEditingService editing, PlanStore store, NormBandStore norms) {
        this.editing = editing;
        this.store = store;
        this.norms = norms;
    }

    /** The households band of the street (its norm_band row, else the deployment's): {min, max}. */
    @Transactional(readOnly = true)
    public double[] householdBand(String streetCode) {
        NormBands b = norms.bands(streetCode);
        return new double[] {b.householdsMin(), b.householdsMax()};
    }

    /** The street's published plan, or null. */
    @Transactional(readOnly = true)
    public Long publishedPlan(String streetCode) {
        return store.publishedPlanId(streetCode);
    }

    /** The street a plan belongs to, after the caller's scope check. */
    @Transactional(readOnly = true)
    public String streetOf(GridAtlasUser user, long planId, String parameter) {
        return editing.visible(user.scope(), planId, parameter).streetCode();
    }

    /** Every grid code of the community in any plan: new proposals never reuse one. */
    @Transactional(readOnly = true)
    public Set<String> codesEverUsed(String community) {
        return store.codesEverUsed(community);
    }

    /**
     * A new draft with the given grids.
     *
     * @param grids community → (code → polygon in the metric CRS) of the grids that replace the community's unlocked
     *     grids
     * @param keep community → codes of grids left as they are (locked)
     */
    @Transactional
    public long save(
            GridAtlasUser user,
            long basedOn,
            String community,
            String name,
            String note,
            Map<String, Map<String, Geometry>> grids,
            Map<String, Set<String>> keep,
            Map<String, Object> summary) {
        long id = editing.createDraft(user, basedOn, null, community, name, note);
        grids.forEach((c, byCode) -> {
            Set<String> stay = new HashSet<>(keep.getOrDefault(c, Set.of()));
            stay.addAll(byCode.keySet());
            Map<String, Geometry> changes = new LinkedHashMap<>();
            for (String old : store.coverage(id, c).grids().keySet()) if (!stay.contains(old)) changes.put(old, null);
            changes.putAll(byCode);
            String communityName = store.communityName(c);
            Map<String, String> names = new LinkedHashMap<>();
            byCode.keySet()
                    .forEach(
                            code -> names.put(code, communityName + "第" + Integer.parseInt(code.substring(12)) + "网格"));
            store.writeMetric(id, c, changes, names);
        });
        store.event(
                id,
                "proposal",
                JsonMapper.builder()
                        .build()
                        .writeValueAsString(Map.of("summary", summary, "communities", List.copyOf(grids.keySet()))),
                user.username());
        return id;
    }
}
