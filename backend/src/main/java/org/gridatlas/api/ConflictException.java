package org.gridatlas.api;

import java.util.Map;

/**
 * The request is right but collides with the stored state (a stale version, a rule the data would break): answered
 * 409 with what collided, so the client can show it.
 */
public class ConflictException extends RuntimeException {
    private final String parameter;
    private final Map<String, Object> details;

    public ConflictException(String parameter, String detail, Map<String, Object> details) {
        super(detail);
        this.parameter = parameter;
        this.details = Map.copyOf(details);
    }

    public String parameter() {
        return parameter;
    }

    /** Extra members of the problem document (e.g. the changes since the client's version). */
    public Map<String, Object> details() {
        return details;
    }
}
