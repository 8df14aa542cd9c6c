package org.gridatlas.coverage;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The coverage figures of one grid. Buildings are counted once, in the grid holding the larger share of their
 * footprint.
 *
 * @param areaM2 area of the grid in m² (on the spheroid)
 * @param floorsWithoutLift storeys of the residential buildings without a lift, summed (stairs to climb)
 * @param splitBuildings buildings counted here whose footprint crosses into another grid by more than the tolerance
 * @param fullTimeWorkers workers with a current grid_chief duty on the grid (专职网格员/网格长)
 * @param householdsPaired households paired by the grid's party members (党员联户)
 * @param pairingTarget households the party members would pair at the norm (members × households_per_party_member)
 * @param incidents incidents in the grid over the period
 * @param incidentsPerMonth incidents per month (30.44 days) over the period
 * @param householdsPerFullTimeWorker households ÷ full-time workers, null without one
 * @param householdsStatus below / within / above the households_per_grid band
 * @param residentsStatus below / within / above the residents_per_grid band
 * @param workerStatus below / within / above the households_per_full_time_worker band, or unstaffed
 * @param geometry the grid as GeoJSON text when asked for, else null (never in the JSON properties)
 */
public record GridCoverage(
        String code,
        String name,
        String communityCode,
        String streetCode,
        long planId,
        double areaM2,
        int buildings,
        int households,
        int residents,
        int floorsWithoutLift,
        int splitBuildings,
        int fullTimeWorkers,
        int instructors,
        int partTimeWorkers,
        int buildingLeaders,
        int partyMembers,
        int volunteers,
        int mobileWorkers,
        int householdsPaired,
        int pairingTarget,
        int incidents,
        double incidentsPerMonth,
        Double householdsPerFullTimeWorker,
        String householdsStatus,
        String residentsStatus,
        String workerStatus,
        @JsonIgnore String geometry) {}
