package org.xinfang.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.Deadlines;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionReceived;
import org.xinfang.contracts.event.PetitionRouted;
import org.xinfang.contracts.event.PetitionStatusChanged;
import org.xinfang.contracts.json.EventJson;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.Relation;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;

class PetitionTest {

    static final School EAST_01 = new School("s-east-01", "d-east", "东区第一小学", "东区一小");
    static final String NUMBER = PetitionNumber.of(EAST_01, 2026, 17);

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    static final Actor CLERK = new Actor("clerk-1", "值班员 李某", Role.CLERK, null);

    static Registration group(int headcount, List<Petitioner> petitioners) {
        return new Registration(Channel.VISIT, Form.GROUP, headcount, false, false, petitioners, null,
                "家长反映食堂卫生问题", "十余名家长在校门口聚集。", "学校正门", null, Set.of(RiskSignal.BLOCKING));
    }

    static Petitioner parent(String name) {
        return new Petitioner(name, "13800000000", null, null, Relation.PARENT);
    }

    static Petition registered() {
        return Petition.register("p-1", NUMBER, EAST_01, group(12, List.of(parent("王某"))), CLERK, NOW, LegalClocks.national()).after();
    }

    @Test
    void registrationStartsTheHistoryAndPublishesNoIdentity() {
        PetitionChange change = Petition.register("p-1", NUMBER, EAST_01, group(12, List.of(parent("王某"))), CLERK, NOW, LegalClocks.national());
        assertThat(change.after().state()).isEqualTo(PetitionState.RECEIVED);
        assertThat(change.appended()).containsExactly(
                new HistoryEntry(NOW, "clerk-1", "值班员 李某", "CLERK", null, PetitionState.RECEIVED, null));
        PetitionReceived event = (PetitionReceived) change.events().get(0);
        assertThat(event.meta().petitionId()).isEqualTo("p-1");
        assertThat(event.petitionerRelations()).containsExactly(Relation.PARENT);
        assertThat(new String(EventJson.write(event))).doesNotContain("王某").doesNotContain("13800000000");
        assertThat(change.after().toString()).doesNotContain("王某").doesNotContain("13800000000");
    }

    @Test
    void registrationCountsTheAcceptanceDeadlineAndStatesItInTheEvent() {
        PetitionChange change = Petition.register("p-1", NUMBER, EAST_01, group(12, List.of(parent("王某"))),
                CLERK, NOW, LegalClocks.national());
        // 08:00 UTC is 16:00 in Beijing on Monday 3月2日; fifteen days on is Tuesday 3月17日, to its 24:00.
        assertThat(change.after().handling().dueBy()).isEqualTo(Instant.parse("2026-03-17T16:00:00Z"));
        PetitionReceived event = (PetitionReceived) change.events().get(0);
        assertThat(event.deadlines().acceptBy()).isEqualTo(Instant.parse("2026-03-17T16:00:00Z"));
        assertThat(event.deadlines().handleWithinDays()).isEqualTo(60);
        assertThat(event.deadlines().acceptBasis().calendarVersions()).containsExactly("national-2026-v1");
        assertThat(event.deadlines().acceptBasis().zone()).isEqualTo("Asia/Shanghai");
    }

    @Test
    void aGroupElectsAtMostFiveRepresentatives() {
        List<Petitioner> six = List.of(parent("a"), parent("b"), parent("c"), parent("d"), parent("e"), parent("f"));
        assertThatThrownBy(() -> Petition.register("p", NUMBER, School.unlisted("d", "s"), group(12, six), CLERK, NOW, LegalClocks.national()))
                .isInstanceOfSatisfying(InvalidPetitionException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("petitioners"));
        assertThat(Petition.register("p", NUMBER, School.unlisted("d", "s"), group(12, six.subList(0, 5)), CLERK, NOW, LegalClocks.national()).after().petitioners()).hasSize(5);
    }

    @Test
    void headcountMustFitTheForm() {
        Registration individualOfThree = new Registration(Channel.PHONE, Form.INDIVIDUAL, 3, false, false,
                List.of(parent("a")), null, "t", "d", null, null, Set.of());
        assertThat(RegistrationRules.check(individualOfThree, NOW)).extracting(FieldError::field).containsExactly("headcount");
        assertThat(RegistrationRules.check(group(1, List.of(parent("a"))), NOW)).extracting(FieldError::field)
                .contains("headcount");
        assertThat(RegistrationRules.check(group(2, List.of(parent("a"), parent("b"), parent("c"))), NOW))
                .extracting(FieldError::field).containsExactly("petitioners");
    }

    @Test
    void anonymousPetitionsCarryNoIdentityAndNamedOnesNeedAName() {
        Registration anonymousWithName = new Registration(Channel.LETTER, Form.INDIVIDUAL, 1, false, true,
                List.of(parent("王某")), null, "t", "d", null, null, Set.of());
        assertThat(RegistrationRules.check(anonymousWithName, NOW)).extracting(FieldError::field).containsExactly("petitioners[0]");
        Registration anonymous = new Registration(Channel.LETTER, Form.INDIVIDUAL, 1, false, true,
                List.of(new Petitioner(null, null, null, null, Relation.RESIDENT)), null, "t", "d", null, null, Set.of());
        assertThat(RegistrationRules.check(anonymous, NOW)).isEmpty();
        Registration nobody = new Registration(Channel.LETTER, Form.INDIVIDUAL, 1, false, false, List.of(), null,
                "t", "d", null, null, Set.of());
        assertThat(RegistrationRules.check(nobody, NOW)).extracting(FieldError::field).containsExactly("petitioners");
    }

    @Test
    void routingMovesReceivedToRoutedOnceAndAReplayChangesNothing() {
        Petition petition = registered();
        PetitionRouted routed = routed(petition, "后勤处");
        PetitionChange change = petition.applyRouting(routed, LegalClocks.national(), NOW.plusSeconds(1)).orElseThrow();
        Petition after = change.after();
        PetitionStatusChanged event = (PetitionStatusChanged) change.events().get(0);
        assertThat(after.state()).isEqualTo(PetitionState.ROUTED);
        assertThat(after.subject()).isEqualTo(Subject.HYGIENE);
        assertThat(after.routing().department()).isEqualTo("后勤处");
        assertThat(after.handling().dueBy()).as("counted on receipt (Monday 3月2日), not taken from routing")
                .isEqualTo(Instant.parse("2026-03-17T16:00:00Z")).isNotEqualTo(routed.deadlines().acceptBy());
        assertThat(event.dueBy()).isEqualTo(after.handling().dueBy());
        assertThat(event.dueBasis().lastDay()).isEqualTo(java.time.LocalDate.parse("2026-03-17"));
        assertThat(after.history()).hasSize(2);
        assertThat(event.from()).isEqualTo(PetitionState.RECEIVED);
        assertThat(event.to()).isEqualTo(PetitionState.ROUTED);
        assertThat(after.applyRouting(routed, LegalClocks.national(), NOW.plusSeconds(2))).as("replay").isEmpty();
    }

    @Test
    void aRevisedDecisionBeforeAcceptanceUpdatesTheRoutingOnTheRecordWithoutANewStep() {
        Petition routedOnce = registered().applyRouting(routed(registered(), "LOGISTICS"), LegalClocks.national(), NOW).orElseThrow().after();
        PetitionChange revised = routedOnce.applyRouting(routed(routedOnce, "GENERAL_OFFICE"), LegalClocks.national(), NOW).orElseThrow();
        assertThat(revised.after().routing().department()).isEqualTo("GENERAL_OFFICE");
        assertThat(revised.after().state()).isEqualTo(PetitionState.ROUTED);
        assertThat(revised.appended()).singleElement().satisfies(entry -> {
            assertThat(entry.reason()).isEqualTo("改派至办公室，紧急程度：较大（Ⅲ级）（原为后勤处，较大（Ⅲ级））");
            assertThat(entry.actorRole()).isEqualTo(Actor.ROUTING.roleName());
        });
        assertThat(revised.events()).isEmpty();
        PetitionChange same = revised.after().applyRouting(routed(revised.after(), "GENERAL_OFFICE"), LegalClocks.national(),
                NOW).orElseThrow();
        assertThat(same.appended()).as("the same decision again, under a new event id: nothing to record").isEmpty();
    }

    static PetitionRouted routed(Petition petition, String department) {
        return new PetitionRouted(EventMeta.forPetition(PetitionRouted.class, petition.district(), petition.school(),
                petition.id(), NOW), "received-1", Subject.HYGIENE, department, List.of(), EmergencyLevel.ELEVATED,
                List.of(), "v1", new Deadlines(NOW.plusSeconds(15 * 86_400), 60, 30));
    }
}
