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
        return Petition.register("p-1", "d-east", "s-east-01", group(12, List.of(parent("王某"))), CLERK, NOW).after();
    }

    @Test
    void registrationStartsTheHistoryAndPublishesNoIdentity() {
        PetitionChange change = Petition.register("p-1", "d-east", "s-east-01", group(12, List.of(parent("王某"))), CLERK, NOW);
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
    void aGroupElectsAtMostFiveRepresentatives() {
        List<Petitioner> six = List.of(parent("a"), parent("b"), parent("c"), parent("d"), parent("e"), parent("f"));
        assertThatThrownBy(() -> Petition.register("p", "d", "s", group(12, six), CLERK, NOW))
                .isInstanceOfSatisfying(InvalidPetitionException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("petitioners"));
        assertThat(Petition.register("p", "d", "s", group(12, six.subList(0, 5)), CLERK, NOW).after().petitioners()).hasSize(5);
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
        PetitionChange change = petition.applyRouting(routed, LegalLimits.NATIONAL_DEFAULTS, NOW.plusSeconds(1)).orElseThrow();
        Petition after = change.after();
        assertThat(after.state()).isEqualTo(PetitionState.ROUTED);
        assertThat(after.subject()).isEqualTo(Subject.HYGIENE);
        assertThat(after.routing().department()).isEqualTo("后勤处");
        assertThat(after.handling().dueBy()).isEqualTo(routed.deadlines().acceptBy());
        assertThat(after.history()).hasSize(2);
        PetitionStatusChanged event = (PetitionStatusChanged) change.events().get(0);
        assertThat(event.from()).isEqualTo(PetitionState.RECEIVED);
        assertThat(event.to()).isEqualTo(PetitionState.ROUTED);
        assertThat(after.applyRouting(routed, LegalLimits.NATIONAL_DEFAULTS, NOW.plusSeconds(2))).as("replay").isEmpty();
    }

    @Test
    void aRevisedDecisionBeforeAcceptanceUpdatesTheRoutingWithoutANewStep() {
        Petition routedOnce = registered().applyRouting(routed(registered(), "后勤处"), LegalLimits.NATIONAL_DEFAULTS, NOW).orElseThrow().after();
        PetitionChange revised = routedOnce.applyRouting(routed(routedOnce, "办公室"), LegalLimits.NATIONAL_DEFAULTS, NOW).orElseThrow();
        assertThat(revised.after().routing().department()).isEqualTo("办公室");
        assertThat(revised.appended()).isEmpty();
        assertThat(revised.events()).isEmpty();
    }

    static PetitionRouted routed(Petition petition, String department) {
        return new PetitionRouted(EventMeta.forPetition(PetitionRouted.class, petition.district(), petition.school(),
                petition.id(), NOW), "received-1", Subject.HYGIENE, department, List.of(), EmergencyLevel.ELEVATED,
                List.of(), "v1", new Deadlines(NOW.plusSeconds(15 * 86_400), 60, 30));
    }
}
