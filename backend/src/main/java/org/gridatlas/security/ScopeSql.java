package org.gridatlas.security;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scope filter every capability's SQL carries. A query writes {@link #STREET} and {@link #COMMUNITY} conditions
 * on its own columns and binds the user's scope with {@link #bind}.
 */
public final class ScopeSql {
    /** Use as {@code WHERE ... AND (CAST(:scope_street AS text) IS NULL OR t.street_code = :scope_street)}. */
    public static final String STREET = "CAST(:scope_street AS text) IS NULL";
    /** Use as {@code AND (CAST(:scope_community AS text) IS NULL OR t.community_code = :scope_community)}. */
    public static final String COMMUNITY = "CAST(:scope_community AS text) IS NULL";

    private ScopeSql() {}

    public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Scope scope) {
        return spec.param("scope_street", scope.streetCode()).param("scope_community", scope.communityCode());
    }
}
