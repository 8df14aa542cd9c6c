package org.gridatlas.security;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Users and roles in the database (table app_user), passwords as BCrypt hashes. */
@Service
public class UserStore implements UserDetailsService {
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    UserStore(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    public GridAtlasUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    public Optional<GridAtlasUser> find(String username) {
        return jdbc.sql(
                        """
                        SELECT username, password_hash, enabled, role, street_code, community_code
                        FROM app_user WHERE username = :u""")
                .param("u", username)
                .query((rs, i) -> new GridAtlasUser(
                        rs.getString("username"),
                        rs.getString("password_hash"),
                        rs.getBoolean("enabled"),
                        new Scope(rs.getString("role"), rs.getString("street_code"), rs.getString("community_code"))))
                .optional();
    }

    /** Creates the user, or resets its password and scope if it exists. */
    public void save(String username, String rawPassword, Scope scope, boolean demo) {
        jdbc.sql(
                        """
                        INSERT INTO app_user (username, password_hash, role, street_code, community_code, demo)
                        VALUES (:u, :h, :r, :s, :c, :d)
                        ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash,
                          role = excluded.role, street_code = excluded.street_code,
                          community_code = excluded.community_code, demo = excluded.demo, enabled = true""")
                .param("u", username)
                .param("h", passwords.encode(rawPassword))
                .param("r", scope.role())
                .param("s", scope.streetCode())
                .param("c", scope.communityCode())
                .param("d", demo)
                .update();
    }

    public int count() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Integer.class).single();
    }
}
