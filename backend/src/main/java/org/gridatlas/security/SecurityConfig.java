package org.gridatlas.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Form login for the pages, HTTP Basic for API clients and tests. Pages and static assets of the sign-in page are
 * public; everything else needs a user, and the scope of that user is applied by each capability's queries.
 */
@Configuration
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        // machine clients (REST, OGC API) get 401 with a Basic challenge, never a redirect to the sign-in page
        RequestMatcher api = request -> {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            return path.startsWith("/api/")
                    || path.equals("/ogc")
                    || path.startsWith("/ogc/")
                    || path.startsWith("/open311/");
        };
        RequestMatcher basicAuth = request -> {
            String h = request.getHeader(HttpHeaders.AUTHORIZATION);
            return h != null && h.regionMatches(true, 0, "Basic ", 0, 6);
        };
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login.html",
                                "/css/**",
                                "/js/i18n.js",
                                "/img/**",
                                "/favicon.ico",
                                "/webjars/**",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/actuator/health",
                                "/error",
                                "/open311/**") // GeoReport v2: api_key or the user, checked by Open311Controller
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login.html")
                        .loginProcessingUrl("/login")
                        .defaultSuccessUrl("/", true)
                        .failureUrl("/login.html?error")
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login.html?logout"))
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint()))
                // Session-cookie clients (the pages) send the XSRF-TOKEN cookie back as a header; Basic clients
                // carry no ambient credentials, so CSRF does not apply to them.
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers(basicAuth, request -> {
                    String uri = request.getRequestURI();
                    // Open311 posts are authorised by their api_key alone, never by a session cookie
                    return uri.equals("/login") || uri.equals("/logout") || uri.startsWith("/open311/");
                }))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(entryPoint(api)));
        return http.build();
    }

    private AuthenticationEntryPoint entryPoint(RequestMatcher api) {
        return DelegatingAuthenticationEntryPoint.builder()
                .addEntryPointFor(apiEntryPoint(), api)
                .defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login.html"))
                .build();
    }

    /**
     * 401 as problem+json. The Basic challenge header is left out for the pages' own fetches (X-Requested-With),
     * so a browser does not pop its password dialog when a session expires.
     */
    private static AuthenticationEntryPoint apiEntryPoint() {
        return (request, response, e) -> {
            if (request.getHeader("X-Requested-With") == null) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"GridAtlas\"");
            }
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write("{\"type\":\"https://gridatlas.org/problems/unauthorized\",\"title\":\"Unauthorized\","
                            + "\"status\":401,\"detail\":\"Sign in (form login) or send HTTP Basic credentials.\"}");
        };
    }
}
