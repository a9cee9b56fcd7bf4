package org.xinfang.issuer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param issuer        the {@code iss} of every token, and the URL the services are configured with
 * @param keyDirectory  where the signing key is kept, so tokens stay valid across a restart of the issuer
 * @param tokenLifetime how long an access token is accepted
 * @param clients       the demo clients by client id ({@code client_credentials}, for API clients and scripts)
 * @param users         the demo people who sign in to the console with a password (authorization code with PKCE)
 * @param consoleUrl    where the console is served (the gateway's origin): its sign-in returns there
 */
@ConfigurationProperties("xinfang.issuer")
public record IssuerSettings(
        @DefaultValue("http://localhost:9000") String issuer,
        @DefaultValue(".stack/issuer") Path keyDirectory,
        @DefaultValue("30m") Duration tokenLifetime,
        Map<String, DemoClient> clients,
        Map<String, DemoUser> users,
        @DefaultValue("http://localhost:8080") String consoleUrl) {

    public IssuerSettings {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        users = users == null ? Map.of() : Map.copyOf(users);
        consoleUrl = consoleUrl.endsWith("/") ? consoleUrl.substring(0, consoleUrl.length() - 1) : consoleUrl;
    }

    /**
     * One demo client and the claims of every token it gets. The secret is for the local stack only.
     *
     * @param name       display name for audit trails (invented)
     * @param school     for school roles
     * @param department for department handlers: a department code of the routing table
     * @param roles      names of {@code org.xinfang.contracts.access.Role}
     */
    public record DemoClient(String secret, String name, String district, Optional<String> school,
            Optional<String> department, List<String> roles) {

        public DemoClient {
            school = school == null ? Optional.empty() : school;
            department = department == null ? Optional.empty() : department;
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * One demo person of the console, with the same tenant claims a demo client carries. The password is for the
     * local stack only.
     */
    public record DemoUser(String password, String name, String district, Optional<String> school,
            Optional<String> department, List<String> roles) {

        public DemoUser {
            school = school == null ? Optional.empty() : school;
            department = department == null ? Optional.empty() : department;
            roles = roles == null ? List.of() : List.copyOf(roles);
        }

        /** The same tenancy as a client, so both are turned into claims and checked one way. */
        DemoClient tenancy() {
            return new DemoClient(password, name, district, school, department, roles);
        }
    }
}
