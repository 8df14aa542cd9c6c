package org.gridatlas.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CurrentUserController {
    private final ScopeNames names;

    CurrentUserController(ScopeNames names) {
        this.names = names;
    }

    /**
     * The signed-in user and its scope, for the pages.
     *
     * @param scopeName the name of the street or community the user works on
     */
    record Me(String username, String role, String streetCode, String communityCode, String scopeName) {}

    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal GridAtlasUser user) {
        Scope s = user.scope();
        return new Me(user.username(), s.role(), s.streetCode(), s.communityCode(), names.nameOf(s));
    }
}
