package org.xinfang.contracts.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static Map<String, Object> clerk() {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "east-01-clerk");
        claims.put("district", "d-east");
        claims.put("school", "s-east-01");
        claims.put("roles", List.of("CLERK"));
        return claims;
    }

    @Test
    void readsASchoolCaller() {
        Caller caller = Caller.fromClaims(clerk());
        assertThat(caller.district()).isEqualTo("d-east");
        assertThat(caller.school()).contains("s-east-01");
        assertThat(caller.has(Role.CLERK)).isTrue();
        assertThat(caller.reaches("d-east", "s-east-01")).isTrue();
        assertThat(caller.reaches("d-east", "s-east-02")).isFalse();
        assertThat(caller.reaches("d-west", "s-east-01")).isFalse();
    }

    @Test
    void bureauReachesEverySchoolOfItsDistrictOnly() {
        Map<String, Object> claims = clerk();
        claims.remove("school");
        claims.put("roles", List.of("bureau-analyst"));
        Caller caller = Caller.fromClaims(claims);
        assertThat(caller.isDistrictWide()).isTrue();
        assertThat(caller.reaches("d-east", "s-east-02")).isTrue();
        assertThat(caller.reaches("d-west", "s-west-01")).isFalse();
    }

    @Test
    void refusesTokensThatDoNotSayWhoCalls() {
        Map<String, Object> noDistrict = clerk();
        noDistrict.remove("district");
        assertThatThrownBy(() -> Caller.fromClaims(noDistrict)).isInstanceOf(InvalidTokenClaimsException.class)
                .extracting(e -> ((InvalidTokenClaimsException) e).claim()).isEqualTo("district");

        Map<String, Object> noSchool = clerk();
        noSchool.remove("school");
        assertThatThrownBy(() -> Caller.fromClaims(noSchool)).hasMessageContaining("school");

        Map<String, Object> handlerWithoutDepartment = clerk();
        handlerWithoutDepartment.put("roles", List.of("DEPARTMENT_HANDLER"));
        assertThatThrownBy(() -> Caller.fromClaims(handlerWithoutDepartment)).hasMessageContaining("department");

        Map<String, Object> unknownRole = clerk();
        unknownRole.put("roles", List.of("SUPERUSER"));
        assertThatThrownBy(() -> Caller.fromClaims(unknownRole)).hasMessageContaining("unknown role");

        Map<String, Object> noRoles = clerk();
        noRoles.put("roles", List.of());
        assertThatThrownBy(() -> Caller.fromClaims(noRoles)).hasMessageContaining("roles");

        Map<String, Object> mixed = clerk();
        mixed.put("roles", List.of("CLERK", "ADMINISTRATOR"));
        assertThatThrownBy(() -> Caller.fromClaims(mixed)).hasMessageContaining("mixes");

        Map<String, Object> injected = clerk();
        injected.put("school", "{\"$gt\":\"\"}");
        assertThatThrownBy(() -> Caller.fromClaims(injected)).hasMessageContaining("school");

        Map<String, Object> bureauWithSchool = clerk();
        bureauWithSchool.put("roles", List.of("BUREAU_DUTY_OFFICER"));
        assertThatThrownBy(() -> Caller.fromClaims(bureauWithSchool)).hasMessageContaining("school");
    }
}
