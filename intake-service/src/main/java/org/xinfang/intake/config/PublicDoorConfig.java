package org.xinfang.intake.config;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.Base64;
import java.util.Set;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.xinfang.intake.domain.QueryCodeKey;
import org.xinfang.intake.domain.WorkChallenge;
import org.xinfang.intake.persistence.PublicDoorCounters;
import org.xinfang.intake.persistence.UsedChallenges;
import org.xinfang.intake.persistence.WindowCounters;
import org.xinfang.kit.config.DevelopmentValues;

/**
 * The public door (/public/v1): parents and residents send and follow petitions without an account. Its requests carry
 * no token, so they get a security chain of their own, asked before the kit's, which keeps requiring a token
 * everywhere else. What stands in for the token is the door's own: a solved challenge per submission, a query code
 * per petition, counters per address and school.
 */
@Configuration(proxyBeanMethods = false)
class PublicDoorConfig {

    /** The key published in the repository for the local stack: never a key in the cluster. */
    static final String DEVELOPMENT_KEY = "ZGV2LW9ubHktcHVibGljLWRvb3Ita2V5LTMyLWJ5dGVzIQ==";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain publicDoorChain(ServerHttpSecurity http) {
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/public/v1/**"))
                .authorizeExchange(rules -> rules.anyExchange().permitAll())
                // No cookie or session is read here, so there is nothing for a forged cross-site request to ride on.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .build();
    }

    @Bean
    WorkChallenge workChallenge(PublicDoorSettings settings, Environment environment) {
        return new WorkChallenge(key(settings, environment), settings.challengeDifficulty(),
                settings.challengeLifetime());
    }

    @Bean
    QueryCodeKey queryCodeKey(PublicDoorSettings settings, Environment environment) {
        return new QueryCodeKey(key(settings, environment));
    }

    @Bean
    UsedChallenges usedChallenges(MongoDatabase database) {
        return new UsedChallenges(database.getCollection("used_challenges", Document.class));
    }

    @Bean
    WindowCounters wrongCodeCounters(MongoDatabase database, PublicDoorSettings settings) {
        return new WindowCounters(database.getCollection("wrong_query_codes", Document.class),
                settings.wrongCodeWindow());
    }

    @Bean
    WindowCounters publicSubmissionCounters(MongoDatabase database, PublicDoorSettings settings) {
        return new WindowCounters(database.getCollection("public_submissions", Document.class),
                settings.submissionWindow());
    }

    @Bean
    PublicDoorCounters publicDoorCounters(PublicDoorSettings settings, WindowCounters wrongCodeCounters,
                                          WindowCounters publicSubmissionCounters) {
        return new PublicDoorCounters(wrongCodeCounters, settings.wrongCodesAllowed(), publicSubmissionCounters,
                settings.submissionsPerSchool());
    }

    private static byte[] key(PublicDoorSettings settings, Environment environment) {
        DevelopmentValues.refuseInCluster(environment, "XINFANG_INTAKE_PUBLICDOOR_KEY", settings.key(),
                Set.of(DEVELOPMENT_KEY), 44);
        return Base64.getDecoder().decode(settings.key());
    }
}
