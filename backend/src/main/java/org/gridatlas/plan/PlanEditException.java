package org.gridatlas.plan;

import org.gridatlas.api.BadParameterException;

/** An edit that cannot be made as asked (unknown grid, a line that does not cut, grids that do not touch...). */
public class PlanEditException extends BadParameterException {
    public PlanEditException(String parameter, String detail) {
        super(parameter, detail);
    }
}
