package org.xinfang.issuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.xinfang.contracts.access.TokenClaims;

/**
 * Spring Authorization Server with two grants. {@code client_credentials}: each demo client authenticates with its
 * secret and gets a signed JWT for audience {@code xinfang-api} carrying its tenant claims (API clients, scripts,
 * tests). {@code authorization_code} with PKCE, for the console only: the gateway signs a demo person in through the
 * Chinese sign-in page ({@link SignInPage}) and gets an access token with that person's tenant claims.
 */
@Configuration(proxyBeanMethods = false)
class IssuerSecurity {

    /** The console's client id; the gateway names the same one. */
    static final String CONSOLE_CLIENT = "xinfang-console";

    /**
     * The token, JWK set, authorization, OpenID metadata and logout endpoints. A browser that reaches the authorization
     * endpoint without being signed in is sent to the sign-in page; the person's session lives here, not in the console.
     */
    @Bean
    @Order(1)
    SecurityFilterChain issuerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                })
                .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Everything else: health for the stack's checks and the sign-in page; no default user, nothing more. */
    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/login", "/sign-in.css").permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .formLogin(form -> form.loginPage("/login").permitAll())
                .httpBasic(basic -> basic.disable())
                .build();
    }

    /** The demo people of the console, with their passwords from the demo file (local stack only). */
    @Bean
    UserDetailsService demoUsers(IssuerSettings settings) {
        List<UserDetails> users = settings.users().entrySet().stream().map(entry -> {
            ClientClaims.check(entry.getKey(), entry.getValue().tenancy());
            return User.withUsername(entry.getKey())
                    .password("{noop}" + entry.getValue().password())
                    .roles()
                    .build();
        }).toList();
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    RegisteredClientRepository demoClients(IssuerSettings settings) {
        if (settings.clients().isEmpty()) {
            throw new IllegalStateException("no demo clients configured under xinfang.issuer.clients");
        }
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(settings.tokenLifetime()).build();
        List<RegisteredClient> clients = settings.clients().entrySet().stream().map(entry -> {
            ClientClaims.check(entry.getKey(), entry.getValue());
            return RegisteredClient.withId(UUID.nameUUIDFromBytes(entry.getKey().getBytes()).toString())
                    .clientId(entry.getKey())
                    .clientName(entry.getValue().name())
                    // Demo secrets, local stack only: compared as written.
                    .clientSecret("{noop}" + entry.getValue().secret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(tokens)
                    .build();
        }).collect(Collectors.toCollection(ArrayList::new));
        clients.add(console(settings));
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * The console's client: public (the gateway holds no secret of this issuer), authorization code with PKCE only,
     * returning to the gateway's origin. No refresh token: when the access token lapses, the person signs in again.
     */
    static RegisteredClient console(IssuerSettings settings) {
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(CONSOLE_CLIENT.getBytes()).toString())
                .clientId(CONSOLE_CLIENT)
                .clientName("信访工作台")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(settings.consoleUrl() + "/login/oauth2/code/console")
                .postLogoutRedirectUri(settings.consoleUrl() + "/console/")
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(settings.tokenLifetime()).build())
                .build();
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(IssuerSettings settings) {
        RSAKey key = SigningKey.loadOrCreate(settings.keyDirectory());
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IssuerSettings settings) {
        return AuthorizationServerSettings.builder().issuer(settings.issuer()).build();
    }

    /** The tenant claims, the one audience every service accepts, and the client as authorized party. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tenantClaims(IssuerSettings settings) {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                // The console shows who is signed in and which pages are theirs from the ID token's claims.
                IssuerSettings.DemoClient person = tenancyOf(context, settings);
                if (person != null) {
                    Map<String, Object> claims = ClientClaims.of(context.getPrincipal().getName(), person);
                    context.getClaims().claims(all -> all.putAll(claims));
                }
                return;
            }
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            String clientId = context.getRegisteredClient().getClientId();
            IssuerSettings.DemoClient tenancy = tenancyOf(context, settings);
            if (tenancy == null) {
                return;
            }
            Map<String, Object> claims = ClientClaims.of(clientId, tenancy);
            context.getClaims().claims(all -> all.putAll(claims))
                    .audience(List.of(TokenClaims.AUDIENCE))
                    .claim("azp", clientId);
        };
    }

    /** A person's tenancy when a person signed in (the console), else the client's own. */
    private static IssuerSettings.DemoClient tenancyOf(JwtEncodingContext context, IssuerSettings settings) {
        if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
            IssuerSettings.DemoUser user = settings.users().get(context.getPrincipal().getName());
            return user == null ? null : user.tenancy();
        }
        return settings.clients().get(context.getRegisteredClient().getClientId());
    }
}
