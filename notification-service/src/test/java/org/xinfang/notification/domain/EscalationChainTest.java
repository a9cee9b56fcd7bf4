package org.xinfang.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationChainTest {

    private final EscalationChain chain = EscalationChain.plan();

    @Test
    void theLeadersAlertWalksDeputyPrincipalThenBureauWithEachStepsWait() {
        var first = chain.after(RecipientRole.LEADER, 0).orElseThrow();
        assertThat(first.toRole()).isEqualTo(RecipientRole.DEPUTY);
        assertThat(first.waitFor()).isEqualTo(Duration.ofMinutes(5));
        var second = chain.after(RecipientRole.LEADER, 1).orElseThrow();
        assertThat(second.toRole()).isEqualTo(RecipientRole.PRINCIPAL);
        var third = chain.after(RecipientRole.LEADER, 2).orElseThrow();
        assertThat(third.toRole()).isEqualTo(RecipientRole.BUREAU_DUTY);
        assertThat(third.waitFor()).isEqualTo(Duration.ofMinutes(10));
        assertThat(chain.after(RecipientRole.LEADER, 3)).isEmpty();
    }

    @Test
    void anAlertJoinsTheChainAtItsRecipientsPlace() {
        assertThat(chain.stepsFor(RecipientRole.PRINCIPAL)).extracting(EscalationChain.Step::role)
                .containsExactly(RecipientRole.PRINCIPAL, RecipientRole.BUREAU_DUTY);
        assertThat(chain.after(RecipientRole.BUREAU_DUTY, 0)).isEmpty();
    }

    @Test
    void aDepartmentsUnansweredNoticeGoesToTheLeaderAfterTheOutsideWait() {
        var first = chain.after(RecipientRole.DEPARTMENT, 0).orElseThrow();
        assertThat(first.toRole()).isEqualTo(RecipientRole.LEADER);
        assertThat(first.waitFor()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void waitsMustBePositive() {
        assertThatThrownBy(() -> new EscalationChain.Step(RecipientRole.LEADER, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EscalationChain(List.of(), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
