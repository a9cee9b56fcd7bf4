package org.xinfang.issuer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xinfang.contracts.access.Caller;
import org.xinfang.contracts.access.InvalidTokenClaimsException;
import org.xinfang.contracts.access.TokenClaims;

/** The tenant claims a demo client's tokens carry, checked once at start-up the way every service reads them. */
final class ClientClaims {

    private ClientClaims() {
    }

    static Map<String, Object> of(String clientId, IssuerSettings.DemoClient client) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(TokenClaims.DISTRICT, client.district());
        client.school().ifPresent(school -> claims.put(TokenClaims.SCHOOL, school));
        client.department().ifPresent(department -> claims.put(TokenClaims.DEPARTMENT, department));
        claims.put(TokenClaims.ROLES, List.copyOf(client.roles()));
        if (client.name() != null && !client.name().isBlank()) {
            claims.put(TokenClaims.NAME, client.name());
        }
        return claims;
    }

    /** Refuses to start with a client whose tokens every service would refuse. */
    static void check(String clientId, IssuerSettings.DemoClient client) {
        if (client.secret() == null || client.secret().isBlank()) {
            throw new IllegalStateException("demo client " + clientId + " has no secret");
        }
        Map<String, Object> claims = new LinkedHashMap<>(of(clientId, client));
        claims.put("sub", clientId);
        try {
            Caller.fromClaims(claims);
        } catch (InvalidTokenClaimsException e) {
            throw new IllegalStateException("demo client " + clientId + ": " + e.getMessage(), e);
        }
    }
}
