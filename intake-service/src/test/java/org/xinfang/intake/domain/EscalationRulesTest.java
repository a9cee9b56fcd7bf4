package org.xinfang.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.PetitionEscalated;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.RiskSignal;

class EscalationRulesTest {

    static final Instant LATER = PetitionTest.NOW.plusSeconds(3_600);
    static final Actor LEADER = new Actor("leader-1", "组长 陈某", Role.LEADER, null);

    @Test
    void violenceBreakingOutIsAddedToTheSignalsRecordedInChineseAndPublishedWithoutIdentity() {
        Petition p = PetitionTest.registered();
        PetitionChange change = p.escalate(new Escalation(Set.of(RiskSignal.VIOLENCE), 40, null,
                "家长与保安发生推搡，有人砸坏门卫室玻璃，已报警"), PetitionTest.CLERK, LATER, "e-1");

        Petition after = change.after();
        assertThat(after.riskSignals()).containsExactlyInAnyOrder(RiskSignal.BLOCKING, RiskSignal.VIOLENCE);
        assertThat(after.headcount()).isEqualTo(40);
        assertThat(after.state()).isEqualTo(p.state());
        assertThat(after.history()).hasSize(p.history().size() + 1);
        HistoryEntry entry = change.appended().get(0);
        assertThat(entry.actorId()).isEqualTo("clerk-1");
        assertThat(entry.actorRole()).isEqualTo("CLERK");
        assertThat(entry.at()).isEqualTo(LATER);
        assertThat(entry.reason()).isEqualTo("情况升级：新增风险情形：打砸抢烧；人数由12人增至40人。"
                + "现场情况：家长与保安发生推搡，有人砸坏门卫室玻璃，已报警");

        PetitionEscalated event = (PetitionEscalated) change.events().get(0);
        assertThat(event.meta().eventId()).isEqualTo("e-1");
        assertThat(event.meta().petitionId()).isEqualTo("p-1");
        assertThat(event.riskSignals()).containsExactlyInAnyOrder(RiskSignal.BLOCKING, RiskSignal.VIOLENCE);
        assertThat(event.added()).containsExactly(RiskSignal.VIOLENCE);
        assertThat(event.headcount()).isEqualTo(40);
        assertThat(event.headcountBefore()).isEqualTo(12);
        String json = new String(EventJson.write(event));
        assertThat(json).doesNotContain("王某").doesNotContain("13800000000").doesNotContain("推搡");
    }

    @Test
    void signalsAreNeverRemovedAndAnEscalatedGroupStaysEscalated() {
        Petition p = PetitionTest.registered();
        Petition after = p.escalate(new Escalation(Set.of(), null, true, "部分家长已到教育局上访"), LEADER, LATER, "e-1")
                .after();
        assertThat(after.escalated()).isTrue();
        assertThat(after.riskSignals()).containsExactly(RiskSignal.BLOCKING);
        Petition again = after.escalate(new Escalation(Set.of(RiskSignal.MEDIA_ATTENTION), null, false, "记者到场"),
                LEADER, LATER, "e-2").after();
        assertThat(again.escalated()).isTrue();
        assertThat(again.riskSignals()).containsExactlyInAnyOrder(RiskSignal.BLOCKING, RiskSignal.MEDIA_ATTENTION);
        assertThat(again.history().get(again.history().size() - 1).reason()).startsWith("情况升级：新增风险情形：媒体或网络关注。");
    }

    @Test
    void aCrowdGatheringAroundOnePetitionerMakesItAGroupPetition() {
        Petition individual = Petition.register("p-2", PetitionTest.NUMBER, PetitionTest.EAST_01,
                new Registration(org.xinfang.contracts.vocabulary.Channel.VISIT, Form.INDIVIDUAL, 1, false, false,
                        List.of(PetitionTest.parent("王某")), null, "反映收费问题", "家长反映收费。", "校门口", null, Set.of()),
                PetitionTest.CLERK, PetitionTest.NOW, LegalClocks.national()).after();
        PetitionChange change = individual.escalate(new Escalation(Set.of(), 35, null, "又来了三十多名家长"),
                PetitionTest.CLERK, LATER, "e-1");
        assertThat(change.after().form()).isEqualTo(Form.GROUP);
        assertThat(change.appended().get(0).reason()).contains("人数由1人增至35人（改为集体访）");
    }

    @Test
    void anEscalationThatAddsNothingIsRefusedWithTheReason() {
        Petition p = PetitionTest.registered();
        assertThatThrownBy(() -> p.escalate(new Escalation(Set.of(RiskSignal.BLOCKING), 12, false, "仍在堵门"),
                PetitionTest.CLERK, LATER, "e-1"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("adds nothing new")
                .satisfies(e -> assertThat(((RuleViolationException) e).field()).isEqualTo("riskSignals"));
    }

    @Test
    void theHeadcountOnlyGrowsAndANoteIsRequired() {
        Petition p = PetitionTest.registered();
        assertThatThrownBy(() -> p.escalate(new Escalation(Set.of(RiskSignal.VIOLENCE), 5, null, " "),
                PetitionTest.CLERK, LATER, "e-1"))
                .isInstanceOf(InvalidPetitionException.class)
                .satisfies(e -> assertThat(((InvalidPetitionException) e).errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("note", "headcount"));
    }

    @Test
    void aDepartmentMayNotEscalateAndAClosedPetitionCannotBe() {
        Petition p = PetitionTest.registered();
        Actor handler = new Actor("h-1", "后勤 张某", Role.DEPARTMENT_HANDLER, "LOGISTICS");
        assertThatThrownBy(() -> p.escalate(new Escalation(Set.of(RiskSignal.VIOLENCE), null, null, "打起来了"),
                handler, LATER, "e-1")).isInstanceOf(ForbiddenActionException.class);
        Petition closed = p.with(p.subject(), PetitionState.CLOSED, p.routing(), p.handling(), List.of());
        assertThatThrownBy(() -> closed.escalate(new Escalation(Set.of(RiskSignal.VIOLENCE), null, null, "打起来了"),
                PetitionTest.CLERK, LATER, "e-1")).isInstanceOf(ClosedPetitionException.class);
    }
}
