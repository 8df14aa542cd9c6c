package org.gridatlas.api;

/**
 * Paging of a layer or list: {@code limit} features from {@code offset}.
 *
 * @param limit how many at most (1..max)
 * @param offset how many to skip (0 or more)
 */
public record PageRequest(int limit, int offset) {

    public static PageRequest of(Integer limit, Integer offset, int defaultLimit, int maxLimit) {
        int l = limit == null ? defaultLimit : limit;
        int o = offset == null ? 0 : offset;
        if (l < 1 || l > maxLimit) {
            throw new BadParameterException("limit", "limit must be between 1 and " + maxLimit + ", got " + l);
        }
        if (o < 0) throw new BadParameterException("offset", "offset must be 0 or more, got " + o);
        return new PageRequest(l, o);
    }
}
