package org.xinfang.gateway.console;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.xinfang.kit.web.ProblemWriter;

/**
 * The console's door: the gateway is the OAuth2 client of the console (backend for frontend). A person signs in at
 * the issuer (authorization code with PKCE); the gateway keeps the tokens in the server-side session and the browser
 * holds only the HttpOnly, SameSite session cookie. Calls the console makes to {@code /api/**} with that cookie are
 * sent on with the person's access token ({@code TokenRelay} on every route); every write needs the CSRF token the
 * console reads from the {@code XSRF-TOKEN} cookie and sends back as {@code X-XSRF-TOKEN}.
 *
 * <p>This chain runs before the bearer-token door ({@code TokenGate}) and takes only the console's own paths and API
 * calls that carry the session cookie and no {@code Authorization} header. Every API client (a bearer token, or
 * nothing at all) still meets the bearer-token door exactly as before.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSignIn {

    /** Where the console's pages are served and where a person lands after signing in. */
    static final String HOME = "/console/";
    static final String REGISTRATION = "console";

    @Bean
    @Order(0)
    SecurityWebFilterChain console(ServerHttpSecurity http, ProblemWriter problems,
            ReactiveClientRegistrationRepository registrations, ConsoleSettings settings,
            @Value("${server.reactive.session.cookie.name:SESSION}") String sessionCookie) {
        ServerWebExchangeMatcher api = ServerWebExchangeMatchers.pathMatchers("/api/**");
        ServerWebExchangeMatcher browserApiCall = exchange -> api.matches(exchange).flatMap(match -> {
            HttpHeaders headers = exchange.getRequest().getHeaders();
            boolean session = exchange.getRequest().getCookies().containsKey(sessionCookie);
            return match.isMatch() && session && !headers.containsHeader(HttpHeaders.AUTHORIZATION)
                    ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        });
        ServerWebExchangeMatcher consolePaths = ServerWebExchangeMatchers.pathMatchers("/", "/console", "/console/**",
                "/oauth2/authorization/**", "/login/oauth2/code/**", "/logout", "/bff/**");
        ServerWebExchangeMatcher asksForData = new OrServerWebExchangeMatcher(api,
                new PathPatternParserServerWebExchangeMatcher("/bff/**"));

        // A page asks the person to sign in; an API call whose session is gone gets 401, and the console signs the
        // person in again, keeping what was typed.
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(List.of(
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(asksForData, (exchange, failure) ->
                        problems.write(exchange, HttpStatus.UNAUTHORIZED, "The console's session has ended; sign in again."))));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(
                "/oauth2/authorization/" + REGISTRATION));

        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict").path("/"));
        ServerCsrfTokenRequestAttributeHandler csrfHandler = new ServerCsrfTokenRequestAttributeHandler();

        SignInFailedPage signInFailed = new SignInFailedPage();
        RedirectServerAuthenticationSuccessHandler signedIn = new RedirectServerAuthenticationSuccessHandler(HOME);
        signedIn.setRequestCache(new WebSessionServerRequestCache());

        return http
                .securityMatcher(new OrServerWebExchangeMatcher(consolePaths, browserApiCall))
                .authorizeExchange(rules -> rules
                        .pathMatchers("/oauth2/authorization/**", "/login/oauth2/code/**").permitAll()
                        .pathMatchers("/console/assets/**", "/console/favicon.svg").permitAll()
                        .anyExchange().authenticated())
                .oauth2Login(login -> login
                        .authorizationRequestResolver(pkce(registrations))
                        .authenticationSuccessHandler(signedIn)
                        .authenticationFailureHandler(signInFailed))
                .securityContextRepository(new WebSessionServerSecurityContextRepository())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(csrfHandler))
                .addFilterAfter(new CsrfCookieFilter(), SecurityWebFiltersOrder.CSRF)
                .addFilterBefore(signInFailed, SecurityWebFiltersOrder.AUTHENTICATION)
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessHandler(new IssuerSignOut(settings.signOutUri())))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                // SecurityHeadersFilter writes the security headers on every response.
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .build();
    }

    /** PKCE on every authorization request, confidential client or not. */
    private static ServerOAuth2AuthorizationRequestResolver pkce(ReactiveClientRegistrationRepository registrations) {
        DefaultServerOAuth2AuthorizationRequestResolver resolver =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        return resolver;
    }

    /** The person's authorized client (their tokens) lives in their server-side session, never in the browser. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }
}
