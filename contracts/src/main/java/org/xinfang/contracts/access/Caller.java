package org.xinfang.contracts.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is calling, as the token's claims say: the tenant (district, school, department) and the roles. Built only from
 * a verified token's claims, never from request fields, so a caller cannot name another school.
 *
 * @param subject    the token's {@code sub}: a user or a client id, for audit trails
 * @param district   always present
 * @param school     present for school roles
 * @param department present for department handlers
 */
public record Caller(String subject, String name, String district, Optional<String> school,
        Optional<String> department, Set<Role> roles) {

    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern SUBJECT = Pattern.compile("[^\\p{Cntrl}]{1,128}");

    public Caller {
        roles = Set.copyOf(roles);
    }

    /**
     * Reads and checks the claims of a token whose signature, issuer, audience and lifetime were already verified.
     *
     * @throws InvalidTokenClaimsException naming the first claim that is missing or malformed
     */
    public static Caller fromClaims(Map<String, Object> claims) {
        String subject = text(claims, "sub").filter(s -> SUBJECT.matcher(s).matches())
                .orElseThrow(() -> new InvalidTokenClaimsException("sub", "required"));
        String district = tenant(claims, TokenClaims.DISTRICT)
                .orElseThrow(() -> new InvalidTokenClaimsException(TokenClaims.DISTRICT, "required"));
        Set<Role> roles = roles(claims.get(TokenClaims.ROLES));
        Optional<String> school = tenant(claims, TokenClaims.SCHOOL);
        Optional<String> department = tenant(claims, TokenClaims.DEPARTMENT);
        boolean schoolRole = roles.stream().anyMatch(r -> r.scope() == Role.Scope.SCHOOL);
        boolean districtRole = roles.stream().anyMatch(r -> r.scope() == Role.Scope.DISTRICT);
        if (schoolRole && districtRole) {
            throw new InvalidTokenClaimsException(TokenClaims.ROLES, "mixes school and district roles");
        }
        if (schoolRole && school.isEmpty()) {
            throw new InvalidTokenClaimsException(TokenClaims.SCHOOL, "required for school roles");
        }
        if (districtRole && school.isPresent()) {
            throw new InvalidTokenClaimsException(TokenClaims.SCHOOL, "not allowed with district roles");
        }
        if (roles.contains(Role.DEPARTMENT_HANDLER) && department.isEmpty()) {
            throw new InvalidTokenClaimsException(TokenClaims.DEPARTMENT, "required for department handlers");
        }
        String name = text(claims, TokenClaims.NAME).filter(n -> SUBJECT.matcher(n).matches()).orElse(subject);
        return new Caller(subject, name, district, school, department, roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Holds a bureau or administration role for the whole district. */
    public boolean isDistrictWide() {
        return roles.stream().anyMatch(r -> r.scope() == Role.Scope.DISTRICT);
    }

    /** Whether a record of {@code district}/{@code school} lies inside this caller's tenancy. */
    public boolean reaches(String recordDistrict, String recordSchool) {
        if (!district.equals(recordDistrict)) {
            return false;
        }
        return isDistrictWide() || school.map(s -> s.equals(recordSchool)).orElse(false);
    }

    private static Set<Role> roles(Object value) {
        if (!(value instanceof Collection<?> names) || names.isEmpty()) {
            throw new InvalidTokenClaimsException(TokenClaims.ROLES, "required: a non-empty array of role names");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
            roles.add(Role.named(name == null ? null : name.toString())
                    .orElseThrow(() -> new InvalidTokenClaimsException(TokenClaims.ROLES, "unknown role " + name)));
        }
        return roles;
    }

    private static Optional<String> tenant(Map<String, Object> claims, String claim) {
        Optional<String> value = text(claims, claim);
        if (value.isPresent() && !TENANT.matcher(value.get()).matches()) {
            throw new InvalidTokenClaimsException(claim, "must be 1-64 letters, digits, '-' or '_'");
        }
        return value;
    }

    private static Optional<String> text(Map<String, Object> claims, String claim) {
        Object value = claims.get(claim);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s)) {
            throw new InvalidTokenClaimsException(claim, "must be a string");
        }
        return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
