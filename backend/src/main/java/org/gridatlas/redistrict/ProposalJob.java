package org.gridatlas.redistrict;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running or finished proposal (kept in memory: a job does not survive a restart; its result is a draft plan).
 */
final class ProposalJob {
    final long id;
    final String owner;
    final AtomicBoolean cancel = new AtomicBoolean();
    volatile String status = "running";
    volatile double progress;
    volatile String message;
    volatile Long planId;
    volatile Map<String, Object> result;

    ProposalJob(long id, String owner) {
        this.id = id;
        this.owner = owner;
    }

    /**
     * What GET /api/proposals/{id} answers.
     *
     * @param status running, succeeded, failed or cancelled
     * @param progress 0 … 1
     * @param plan the draft plan of the result, once succeeded
     */
    record View(long id, String status, double progress, String message, Long plan, Map<String, Object> result) {}

    View view() {
        return new View(id, status, Math.round(progress * 1000) / 1000.0, message, planId, result);
    }
}
