package org.xinfang.issuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
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
 * Spring Authorization Server with the {@code client_credentials} grant only: each demo client authenticates with
 * its secret and gets a signed JWT for audience {@code xinfang-api} carrying its tenant claims.
 */
@Configuration(proxyBeanMethods = false)
class IssuerSecurity {

    /** The token, JWK set and metadata endpoints; clients authenticate with their id and secret. */
    @Bean
    @Order(1)
    SecurityFilterChain issuerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> http.securityMatcher(server.getEndpointsMatcher()))
                .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Everything else: health for the stack's checks, nothing more; no login page, no default user. */
    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .build();
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
        }).toList();
        return new InMemoryRegisteredClientRepository(clients);
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
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            String clientId = context.getRegisteredClient().getClientId();
            IssuerSettings.DemoClient client = settings.clients().get(clientId);
            if (client == null) {
                return;
            }
            Map<String, Object> claims = ClientClaims.of(clientId, client);
            context.getClaims().claims(all -> all.putAll(claims))
                    .audience(List.of(TokenClaims.AUDIENCE))
                    .claim("azp", clientId);
        };
    }
}
