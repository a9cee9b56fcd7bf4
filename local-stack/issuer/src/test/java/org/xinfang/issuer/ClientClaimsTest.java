package org.xinfang.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientClaimsTest {

    @Test
    void aSchoolRoleWithoutASchoolStopsTheIssuerFromStarting() {
        var client = new IssuerSettings.DemoClient("s", "x", "d-east", Optional.empty(), Optional.empty(),
                List.of("CLERK"));

        assertThatThrownBy(() -> ClientClaims.check("broken", client)).hasMessageContaining("broken")
                .hasMessageContaining("school");
    }

    @Test
    void aClientWithoutASecretStopsTheIssuerFromStarting() {
        var client = new IssuerSettings.DemoClient(" ", "x", "d-east", Optional.empty(), Optional.empty(),
                List.of("ADMINISTRATOR"));

        assertThatThrownBy(() -> ClientClaims.check("open", client)).hasMessageContaining("no secret");
    }

    @Test
    void aHandlersClaimsCarryItsDepartment() {
        var client = new IssuerSettings.DemoClient("s", "后勤处", "d-east", Optional.of("s-east-01"),
                Optional.of("LOGISTICS"), List.of("DEPARTMENT_HANDLER"));

        ClientClaims.check("h", client);
        assertThat(ClientClaims.of("h", client)).containsEntry("district", "d-east").containsEntry("school", "s-east-01")
                .containsEntry("department", "LOGISTICS").containsEntry("roles", List.of("DEPARTMENT_HANDLER"))
                .containsEntry("name", "后勤处");
    }
}
