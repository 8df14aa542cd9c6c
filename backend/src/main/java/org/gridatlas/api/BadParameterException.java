package org.gridatlas.api;

/** A request parameter (query parameter or body field) the client got wrong: answered 400 naming it. */
public class BadParameterException extends RuntimeException {
    private final String parameter;

    public BadParameterException(String parameter, String detail) {
        super(detail);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
