package org.gridatlas.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The display name of a scope: its community or street, or "all streets" for an admin without a street. */
@Component
class ScopeNames {
    private final JdbcClient jdbc;

    ScopeNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String nameOf(Scope s) {
        if (s.communityCode() != null) {
            return jdbc.sql("SELECT name FROM community WHERE code = :c")
                    .param("c", s.communityCode())
                    .query(String.class)
                    .optional()
                    .orElse(s.communityCode());
        }
        if (s.streetCode() != null) {
            return jdbc.sql("SELECT name FROM street WHERE code = :c")
                    .param("c", s.streetCode())
                    .query(String.class)
                    .optional()
                    .orElse(s.streetCode());
        }
        return "全部街道";
    }
}
