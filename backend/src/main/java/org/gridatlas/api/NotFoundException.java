package org.gridatlas.api;

/** A resource that does not exist, or that lies outside the caller's scope (both answer 404, so scope is not probed). */
public class NotFoundException extends RuntimeException {
    private final String parameter;

    public NotFoundException(String parameter, String detail) {
        super(detail);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
