package org.gridatlas.plan;

/**
 * Published when a plan is published (inside the publishing transaction; listeners that read the new state use
 * {@code @TransactionalEventListener}). Incidents of the street were re-assigned to the plan's grids.
 *
 * @param planId the plan now in force
 * @param streetCode its street
 */
public record PlanPublished(long planId, String streetCode) {}
