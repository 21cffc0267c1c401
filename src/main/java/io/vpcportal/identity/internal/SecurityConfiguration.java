package io.vpcportal.identity.internal;

import io.vpcportal.identity.ApiTokens;
import io.vpcportal.identity.IdentityProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains. The API is stateless and takes bearer tokens (and, only to create a token, HTTP
 * Basic); the browser uses a session (kept in PostgreSQL by Spring Session JDBC, and checked against the account on
 * every request), the login form and CSRF tokens. Roles are checked here first, before a body is read. When an OpenID Connect client is registered
 * under {@code spring.security.oauth2.client.registration}, the browser can also sign in through that provider.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), clipboard-read=(), display-capture=(), "
            + "geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), "
            + "publickey-credentials-get=(), serial=(), usb=(), xr-spatial-tracking=()";

    /** API posts that ask for endpoints: creating, submitting, changing, decommissioning, adopting, reconciling. */
    static final String[] REQUESTER_API_POSTS = { "/api/v1/requests", "/api/v1/requests/*/submit",
            "/api/v1/requests/*/changes", "/api/v1/requests/*/decommission", "/api/v1/endpoints/*/adopt",
            "/api/v1/endpoints/*/drift/reconcile", "/api/v1/shared-endpoints" };

    /** The same for the pages' forms. */
    static final String[] REQUESTER_PAGE_POSTS = { "/requests/new", "/requests/*/edit", "/requests/*/submit",
            "/requests/*/change", "/requests/*/decommission", "/inventory/endpoints/*/adopt",
            "/inventory/endpoints/*/reconcile", "/shared-endpoints/new" };

    /**
     * The OpenAPI document asked for with a bearer token (a client generator): answered by the token chain, so the
     * token works where a browser's session does; without one it stays a page of the browser chain.
     */
    static final RequestMatcher API_DOCS_WITH_TOKEN = new AndRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**"),
            request -> {
                String authorization = request.getHeader("Authorization");
                return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
            });

    /** Swagger UI's pages: it applies one inline style, which the portal's own pages never need. */
    static final RequestMatcher SWAGGER_UI = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

    /**
     * The hash of the one inline style Swagger UI 5.32.2 applies (Chromium names it in its CSP report): allowed on its
     * pages alone, by hash rather than {@code 'unsafe-inline'}. A new Swagger UI may apply another one:
     * {@code SwaggerUiBrowserTests} then fails with the new hash in the console message.
     */
    static final String SWAGGER_UI_STYLE = "'unsafe-hashes' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

    static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'";

    private final ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint();
    // one answer for an unknown user, a wrong password and a user without one, so that it reveals no usernames
    private final ProblemAuthenticationEntryPoint basicProblems = new ProblemAuthenticationEntryPoint(
            "Basic realm=\"vpc-endpoint-portal\"", "Wrong username or password. Only accounts with a portal password "
                    + "can use HTTP Basic: if you sign in with single sign-on, create a token on the API tokens page "
                    + "(/tokens) instead.");

    /**
     * No observation per security filter, authentication and authorization: with a registry present Spring Security
     * wraps each of the chain's filters in an observation of its own: about a twentieth of the request threads' CPU
     * in a profile of creates ({@code bench/README.md}). Every request is still timed once by Spring MVC's
     * {@code http.server.requests} (by URI, method and status, so refusals show as 401 and 403), and failed sign-ins
     * are in the audit trail.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, with the {id} prefix so that hashes can move to a stronger encoder later
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenIssuing(HttpSecurity http, ApiTokens tokens, LoginThrottle throttle) throws Exception {
        http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/tokens"))
                .addFilterBefore(new LoginThrottleFilter(throttle), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(basicProblems));
        return stateless(http, tokens);
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"), API_DOCS_WITH_TOKEN))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        // admin-only APIs, refused before their bodies are even read (the controllers check too)
                        .requestMatchers("/api/v1/audit", "/api/v1/audit/**", "/api/v1/webhooks", "/api/v1/webhooks/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/accounts", "/api/v1/approval-rules",
                                "/api/v1/requests/*/provisioning/retry", "/api/v1/sync",
                                "/api/v1/endpoints/*/drift/accept").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/sync/runs").hasAnyRole("ADMIN", "APPROVER")
                        // asking for endpoints needs REQUESTER (or ADMIN), refused before the body is read. Deciding
                        // is checked by the approval service: 404 for a request of another team first, then the
                        // APPROVER role and the stage's team, then what was sent
                        .requestMatchers(HttpMethod.POST, REQUESTER_API_POSTS).hasAnyRole("REQUESTER", "ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/requests/*").hasAnyRole("REQUESTER", "ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/accounts/*", "/api/v1/templates/*",
                                "/api/v1/approval-rules/*").hasRole("ADMIN")
                        .anyRequest().authenticated());
        return stateless(http, tokens);
    }

    @Bean
    @Order(3)
    SecurityFilterChain browser(HttpSecurity http, IdentityProperties identity,
            ObjectProvider<ClientRegistrationRepository> clientRegistrations, PortalOidcUserService oidcUsers,
            LoginThrottle throttle, PortalUserRepository users) throws Exception {
        http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                // the session follows its user's account: ended when disabled, reloaded when roles or teams change
                .addFilterAfter(new SessionPrincipalRefreshFilter(users), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico").permitAll()
                        // admin pages: refused here, before a form or an upload is even parsed (the controllers
                        // check too)
                        .requestMatchers("/admin/**", "/accounts", "/accounts/**", "/audit", "/audit.csv")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/inventory/sync", "/inventory/endpoints/*/accept",
                                "/provisioning/*/retry").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/requests/new", "/requests/*/edit", "/requests/*/change",
                                "/shared-endpoints/new")
                        .hasAnyRole("REQUESTER", "ADMIN")
                        .requestMatchers(HttpMethod.POST, REQUESTER_PAGE_POSTS).hasAnyRole("REQUESTER", "ADMIN")
                        .anyRequest().authenticated())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(loginPage()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> policies(headers)
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI),
                                new ContentSecurityPolicyHeaderWriter(PAGE_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
                                new ContentSecurityPolicyHeaderWriter(PAGE_POLICY.replace("style-src 'self'",
                                        "style-src 'self' " + SWAGGER_UI_STYLE)))));
        if (identity.formLogin()) {
            http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll());
        }
        ClientRegistrationRepository registrations = clientRegistrations.getIfAvailable();
        if (registrations != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/login")
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce(registrations)))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers).userService(onlyOpenIdConnect()))
                    .defaultSuccessUrl("/", false)
                    .failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?sso-error")));
        } else if (!identity.formLogin()) {
            throw new IllegalStateException("portal.identity.form-login=false needs an OpenID Connect client under "
                    + "spring.security.oauth2.client.registration: without either, nobody could sign in");
        }
        return http.build();
    }

    /**
     * Sends a signed-out browser to {@code /login} with a relative address: the {@code Host} header a client sent is
     * never written into the redirect (with {@code server.tomcat.use-relative-redirects}, Tomcat keeps it relative).
     */
    private static LoginUrlAuthenticationEntryPoint loginPage() {
        LoginUrlAuthenticationEntryPoint entryPoint = new LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    /**
     * Headers for every answer, pages and API alike: no full URLs (which carry request ids) leak to other sites in
     * the {@code Referer}, and the browser features the portal never uses are switched off for it and its frames.
     */
    private static HeadersConfigurer<HttpSecurity> policies(HeadersConfigurer<HttpSecurity> headers) {
        return headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
    }

    /** PKCE for every client, confidential ones too: it ties the code to this sign-in, so a stolen code is worthless. */
    private static OAuth2AuthorizationRequestResolver withPkce(ClientRegistrationRepository registrations) {
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    /** A registration without the openid scope would sign in a user the rest of the portal cannot see. */
    private static OAuth2UserService<OAuth2UserRequest, OAuth2User> onlyOpenIdConnect() {
        return request -> {
            throw new OidcLoginRefused("Single sign-on is misconfigured: the registration '"
                    + request.getClientRegistration().getRegistrationId() + "' does not request the openid scope, "
                    + "and the portal only supports OpenID Connect. Ask an administrator.");
        };
    }

    private SecurityFilterChain stateless(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // no cookies are accepted here, so there is nothing to forge
                .requestCache(cache -> cache.disable())
                .headers(SecurityConfiguration::policies)
                .securityContext(ctx -> ctx.requireExplicitSave(true))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems), BasicAuthenticationFilter.class);
        return http.build();
    }
}
