package io.vpcportal.identity;

import static org.springframework.security.config.Customizer.withDefaults;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server on a random port of 127.0.0.1, in the
 * test's JVM but in an application context of its own. It has one client, {@value #CLIENT_ID} (client secret and
 * PKCE, no consent screen), and the users a test adds, whose password is always {@value #PASSWORD} and whose
 * groups end up in the ID token's {@code groups} claim.
 */
public final class OidcTestProvider implements AutoCloseable {

    public static final String CLIENT_ID = "portal";
    public static final String CLIENT_SECRET = "portal-client-secret";
    public static final String PASSWORD = "provider-password";

    private final ConfigurableApplicationContext context;

    private OidcTestProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static OidcTestProvider start() {
        SpringApplication application = new SpringApplication(ProviderConfiguration.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        application.setRegisterShutdownHook(false);
        // logging belongs to the portal's context in the same JVM: do not let this one reconfigure it
        application.setListeners(application.getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener)).toList());
        application.setDefaultProperties(Map.of(
                "spring.config.name", "oidc-test-provider", // not the portal's application.yml
                "spring.main.banner-mode", "off",
                "server.address", "127.0.0.1",
                "server.port", "0",
                // every endpoint is a filter, but Tomcat only runs filters for requests mapped to a servlet
                "server.servlet.register-default-servlet", "true",
                // both servers are on 127.0.0.1, and cookies do not care about ports
                "server.servlet.session.cookie.name", "PROVIDER_SESSION"));
        return new OidcTestProvider(application.run());
    }

    /** {@code http://127.0.0.1:port}: the provider derives its issuer from the requests it answers. */
    public String issuer() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Adds the user, or changes their name, e-mail address and groups for the next sign-in. */
    public void user(String username, String name, String email, List<String> groups) {
        context.getBean(Directory.class).users.put(username, new Person(username, name, email, List.copyOf(groups)));
    }

    @Override
    public void close() {
        context.close();
    }

    record Person(String username, String name, String email, List<String> groups) {
    }

    /** The provider's users. */
    static final class Directory implements UserDetailsService {

        private final Map<String, Person> users = new ConcurrentHashMap<>();

        Person person(String username) {
            return users.get(username);
        }

        @Override
        public UserDetails loadUserByUsername(String username) {
            if (!users.containsKey(username)) {
                throw new UsernameNotFoundException(username);
            }
            return User.withUsername(username).password("{noop}" + PASSWORD).roles("USER").build();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    @ImportAutoConfiguration(TomcatServletWebServerAutoConfiguration.class)
    static class ProviderConfiguration {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                        http.securityMatcher(server.getEndpointsMatcher());
                        server.oidc(withDefaults());
                    })
                    .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                    .oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults())) // the userinfo endpoint
                    .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated()).formLogin(withDefaults());
            return http.build();
        }

        @Bean
        Directory directory() {
            return new Directory();
        }

        @Bean
        RegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    // a loopback redirect URI matches whatever port the portal got
                    .redirectUri("http://127.0.0.1/login/oauth2/code/test")
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                            .build())
                    .build());
        }

        /** What Keycloak's group membership mapper or Okta's groups claim would add to the ID token. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims(Directory directory) {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    Person person = directory.person(context.getPrincipal().getName());
                    context.getClaims()
                            .claim("preferred_username", person.username())
                            .claim("name", person.name())
                            .claim("email", person.email())
                            .claim("groups", person.groups());
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> signingKeys() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var keys = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKeys);
        }

        @Bean
        AuthorizationServerSettings authorizationServerSettings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
