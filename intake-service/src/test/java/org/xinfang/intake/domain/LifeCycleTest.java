package org.xinfang.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.access.Role;
import org.xinfang.contracts.event.PetitionStatusChanged;
import org.xinfang.contracts.vocabulary.PetitionState;

class LifeCycleTest {

    private static final Instant T0 = PetitionTest.NOW;
    private static final LifeCycle LAW = new LifeCycle();
    private static final LegalClock CLOCK = LegalClocks.national();
    private static final String ROUTED_TO = "LOGISTICS";
    private static final Actor DEPARTMENT = new Actor("dept-1", "后勤处 张老师", Role.DEPARTMENT_HANDLER, ROUTED_TO);
    private static final Actor OTHER_DEPARTMENT = new Actor("dept-2", null, Role.DEPARTMENT_HANDLER, "GENERAL_OFFICE");
    private static final Actor LEADER = new Actor("leader-1", null, Role.LEADER, null);
    private static final Actor CLERK = new Actor("clerk-1", null, Role.CLERK, null);
    private static final ActionRequest FULL = new ActionRequest("理由", "书面答复", 10);

    static Petition routed() {
        Petition p = PetitionTest.registered();
        return p.applyRouting(PetitionTest.routed(p, ROUTED_TO), LegalClocks.national(), T0).orElseThrow().after();
    }

    static Petition after(Petition p, Action... steps) {
        Petition current = p;
        for (Action step : steps) {
            current = LAW.take(current, step, FULL, actorFor(step), T0.plusSeconds(60), CLOCK).after();
        }
        return current;
    }

    static Actor actorFor(Action action) {
        Role role = action.roles().iterator().next();
        return new Actor("u-" + role.name().toLowerCase(), null, role,
                role == Role.DEPARTMENT_HANDLER ? ROUTED_TO : null);
    }

    /** Every reachable situation, and exactly the steps the law allows from it. */
    static Map<String, Map.Entry<Petition, Set<Action>>> situations() {
        Map<String, Map.Entry<Petition, Set<Action>>> s = new LinkedHashMap<>();
        s.put("received", Map.entry(PetitionTest.registered(), EnumSet.noneOf(Action.class)));
        s.put("routed", Map.entry(routed(), EnumSet.of(Action.ACCEPT, Action.REFUSE)));
        s.put("accepted", Map.entry(after(routed(), Action.ACCEPT), EnumSet.of(Action.START)));
        s.put("not accepted", Map.entry(after(routed(), Action.REFUSE), EnumSet.of(Action.CLOSE)));
        s.put("in progress", Map.entry(after(routed(), Action.ACCEPT, Action.START), EnumSet.of(Action.EXTEND, Action.RESOLVE)));
        s.put("extended", Map.entry(after(routed(), Action.ACCEPT, Action.START, Action.EXTEND), EnumSet.of(Action.RESOLVE)));
        Petition resolved = after(routed(), Action.ACCEPT, Action.START, Action.RESOLVE);
        s.put("resolved", Map.entry(resolved, EnumSet.of(Action.CLOSE, Action.REQUEST_REVIEW)));
        s.put("closed after resolution", Map.entry(after(resolved, Action.CLOSE), EnumSet.of(Action.REQUEST_REVIEW)));
        s.put("closed after refusal", Map.entry(after(routed(), Action.REFUSE, Action.CLOSE), EnumSet.noneOf(Action.class)));
        s.put("review requested", Map.entry(after(resolved, Action.REQUEST_REVIEW), EnumSet.of(Action.ANSWER_REVIEW)));
        Petition reviewed = after(resolved, Action.REQUEST_REVIEW, Action.ANSWER_REVIEW);
        s.put("reviewed", Map.entry(reviewed, EnumSet.of(Action.CLOSE, Action.REQUEST_RE_REVIEW)));
        s.put("closed after review", Map.entry(after(reviewed, Action.CLOSE), EnumSet.of(Action.REQUEST_RE_REVIEW)));
        s.put("re-review requested", Map.entry(after(reviewed, Action.REQUEST_RE_REVIEW), EnumSet.of(Action.ANSWER_RE_REVIEW)));
        Petition reReviewed = after(reviewed, Action.REQUEST_RE_REVIEW, Action.ANSWER_RE_REVIEW);
        s.put("re-reviewed", Map.entry(reReviewed, EnumSet.of(Action.CLOSE)));
        s.put("closed after re-review", Map.entry(after(reReviewed, Action.CLOSE), EnumSet.noneOf(Action.class)));
        return s;
    }

    @Test
    void everyIllegalTransitionIsRefusedNamingTheAllowedOnes() {
        int refused = 0;
        for (var situation : situations().entrySet()) {
            Petition p = situation.getValue().getKey();
            Set<Action> allowed = situation.getValue().getValue();
            assertThat(LifeCycle.allowedOn(p)).as(situation.getKey()).containsExactlyInAnyOrderElementsOf(allowed);
            for (Action action : Action.values()) {
                if (allowed.contains(action)) {
                    assertThat(LAW.take(p, action, FULL, actorFor(action), T0.plusSeconds(120), CLOCK).after().state())
                            .as(situation.getKey() + " → " + action).isEqualTo(action.to());
                } else {
                    assertThatThrownBy(() -> LAW.take(p, action, FULL, actorFor(action), T0.plusSeconds(120), CLOCK))
                            .as(situation.getKey() + " → " + action)
                            .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                                assertThat(e.state()).isEqualTo(p.state());
                                assertThat(e.allowed()).containsExactlyInAnyOrderElementsOf(allowed);
                            });
                    refused++;
                }
            }
        }
        assertThat(refused).isGreaterThan(100);
    }

    @Test
    void eachStepIsRecordedAndPublished() {
        Petition p = routed();
        PetitionChange accepted = LAW.take(p, Action.ACCEPT, new ActionRequest("属实", null, null), DEPARTMENT,
                T0.plusSeconds(3600), CLOCK);
        HistoryEntry entry = accepted.appended().get(0);
        assertThat(entry).isEqualTo(new HistoryEntry(T0.plusSeconds(3600), "dept-1", "后勤处 张老师", "DEPARTMENT_HANDLER",
                PetitionState.ROUTED,
                PetitionState.ACCEPTED, "属实"));
        assertThat(accepted.after().history()).endsWith(entry).hasSize(p.history().size() + 1);
        PetitionStatusChanged event = (PetitionStatusChanged) accepted.events().get(0);
        assertThat(event.from()).isEqualTo(PetitionState.ROUTED);
        assertThat(event.to()).isEqualTo(PetitionState.ACCEPTED);
        assertThat(event.actorId()).isEqualTo("dept-1");
        assertThat(event.actorRole()).isEqualTo("DEPARTMENT_HANDLER");
        // Accepted on Monday 3月2日 in Beijing: day 60 is 5月1日, Labour Day to 5日, so the end of Wednesday 5月6日.
        assertThat(event.dueBy()).isEqualTo(Instant.parse("2026-05-06T16:00:00Z"));
        assertThat(event.dueBasis().step()).isEqualTo("HANDLE");
        assertThat(event.dueBasis().calendarVersions()).containsExactly("national-2026-v1");
    }

    @Test
    void rolesAreChecked() {
        assertThatThrownBy(() -> LAW.take(routed(), Action.ACCEPT, FULL, CLERK, T0, CLOCK)).isInstanceOf(ForbiddenActionException.class);
        Petition inProgress = after(routed(), Action.ACCEPT, Action.START);
        assertThatThrownBy(() -> LAW.take(inProgress, Action.EXTEND, FULL, DEPARTMENT, T0, CLOCK))
                .as("only the unit's head approves an extension").isInstanceOf(ForbiddenActionException.class);
        Petition resolved = after(inProgress, Action.RESOLVE);
        assertThatThrownBy(() -> LAW.take(resolved, Action.REQUEST_REVIEW, FULL, DEPARTMENT, T0, CLOCK))
                .isInstanceOf(ForbiddenActionException.class);
        Petition reviewRequested = after(resolved, Action.REQUEST_REVIEW);
        assertThatThrownBy(() -> LAW.take(reviewRequested, Action.ANSWER_REVIEW, FULL,
                new Actor("bureau-1", null, Role.BUREAU_DUTY_OFFICER, null), T0, CLOCK))
                .as("the bureau takes no step on a school's petition").isInstanceOf(ForbiddenActionException.class);
    }

    @Test
    void aDepartmentActsOnlyOnPetitionsRoutedToIt() {
        assertThatThrownBy(() -> LAW.take(routed(), Action.ACCEPT, FULL, OTHER_DEPARTMENT, T0, CLOCK))
                .isInstanceOf(ForbiddenActionException.class).hasMessageContaining("routed to " + ROUTED_TO);
        assertThatThrownBy(() -> LAW.take(PetitionTest.registered(), Action.ACCEPT, FULL, DEPARTMENT, T0, CLOCK))
                .as("not routed yet: no step either way").isInstanceOf(IllegalTransitionException.class);
        Petition coHandled = PetitionTest.registered();
        var routing = PetitionTest.routed(coHandled, ROUTED_TO);
        coHandled = coHandled.applyRouting(new org.xinfang.contracts.event.PetitionRouted(routing.meta(),
                routing.receivedEventId(), routing.subject(), ROUTED_TO, List.of("GENERAL_OFFICE"), routing.level(),
                routing.reasons(), routing.ruleSetVersion(), routing.deadlines()), LegalClocks.national(), T0)
                .orElseThrow().after();
        Petition co = coHandled;
        assertThatThrownBy(() -> LAW.take(co, Action.ACCEPT, FULL, OTHER_DEPARTMENT, T0, CLOCK))
                .as("a co-handling department reads, the routed one acts").isInstanceOf(ForbiddenActionException.class);
        assertThat(LAW.take(co, Action.ACCEPT, FULL, DEPARTMENT, T0, CLOCK).after().state()).isEqualTo(PetitionState.ACCEPTED);
    }

    @Test
    void refusalExtensionAndRepliesNeedTheirReasons() {
        ActionRequest nothing = ActionRequest.EMPTY;
        assertThatThrownBy(() -> LAW.take(routed(), Action.REFUSE, nothing, DEPARTMENT, T0, CLOCK))
                .isInstanceOfSatisfying(InvalidPetitionException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("reason"));
        Petition inProgress = after(routed(), Action.ACCEPT, Action.START);
        assertThatThrownBy(() -> LAW.take(inProgress, Action.EXTEND, new ActionRequest(null, null, 10), LEADER, T0, CLOCK))
                .isInstanceOf(InvalidPetitionException.class);
        assertThatThrownBy(() -> LAW.take(inProgress, Action.EXTEND, new ActionRequest("调查取证", null, null), LEADER, T0, CLOCK))
                .isInstanceOf(InvalidPetitionException.class);
        assertThatThrownBy(() -> LAW.take(inProgress, Action.RESOLVE, new ActionRequest("done", null, null), DEPARTMENT, T0, CLOCK))
                .isInstanceOfSatisfying(InvalidPetitionException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("reply"));
    }

    @Test
    void deadlinesFollowTheDistrictsRules() {
        Map<LegalStep, Integer> days = new java.util.EnumMap<>(LegalStep.class);
        Map<LegalStep, DayKind> kinds = new java.util.EnumMap<>(LegalStep.class);
        int[] strict = {5, 20, 7, 10, 10, 10, 10};
        for (LegalStep step : LegalStep.values()) {
            days.put(step, strict[step.ordinal()]);
            kinds.put(step, DayKind.CALENDAR_DAYS);
        }
        LegalClock strictClock = LegalClocks.with(LegalRules.proposed("d-east", 3, "Asia/Shanghai", days, kinds, null, null),
                LegalClocks.Y2026);
        LifeCycle strictly = new LifeCycle();
        Petition p = Petition.register("p-2", PetitionTest.NUMBER, PetitionTest.EAST_01, PetitionTest.group(12, List.of(PetitionTest.parent("王某"))),
                PetitionTest.CLERK, T0, strictClock).after();
        Petition routed = p.applyRouting(PetitionTest.routed(p, ROUTED_TO), strictClock, T0).orElseThrow().after();
        assertThat(routed.handling().dueBy()).as("5 days from Monday 3月2日 is Saturday 3月7日: Monday 3月9日")
                .isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
        assertThat(routed.handling().due().rulesVersion()).isEqualTo("d-east-3");
        Instant acceptedAt = T0.plus(Duration.ofDays(1));
        Petition accepted = strictly.take(routed, Action.ACCEPT, ActionRequest.EMPTY, DEPARTMENT, acceptedAt, strictClock).after();
        assertThat(accepted.handling().dueBy()).as("20 days from 3月3日").isEqualTo(Instant.parse("2026-03-23T16:00:00Z"));
        Petition started = strictly.take(accepted, Action.START, ActionRequest.EMPTY, DEPARTMENT, acceptedAt, strictClock).after();
        assertThatThrownBy(() -> strictly.take(started, Action.EXTEND, new ActionRequest("取证", null, 8), LEADER, acceptedAt, strictClock))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("days"));
        Petition extended = strictly.take(started, Action.EXTEND, new ActionRequest("取证", null, 7), LEADER, acceptedAt, strictClock).after();
        assertThat(extended.handling().dueBy()).as("7 more days from 3月23日").isEqualTo(Instant.parse("2026-03-30T16:00:00Z"));
        assertThat(extended.handling().extensionApprovedBy()).isEqualTo("leader-1");
        assertThat(extended.overdue(Instant.parse("2026-03-30T16:00:00.001Z"))).isTrue();
        assertThat(extended.overdue(Instant.parse("2026-03-30T15:59:59Z"))).as("23:59:59 of the last day is in time").isFalse();
    }

    @Test
    void extensionIsAtMostThirtyDaysByDefault() {
        Petition inProgress = after(routed(), Action.ACCEPT, Action.START);
        assertThatThrownBy(() -> LAW.take(inProgress, Action.EXTEND, new ActionRequest("取证", null, 31), LEADER, T0, CLOCK))
                .isInstanceOf(RuleViolationException.class);
        assertThat(LAW.take(inProgress, Action.EXTEND, new ActionRequest("取证", null, 30), LEADER, T0, CLOCK).after().state())
                .isEqualTo(PetitionState.EXTENDED);
    }

    @Test
    void reviewAndReReviewMustBeRequestedWithinTheirWindows() {
        Petition resolved = after(routed(), Action.ACCEPT, Action.START, Action.RESOLVE);
        // Resolved on Monday 3月2日 (16:01 in Beijing): thirty days on is Wednesday 4月1日, to its 24:00.
        assertThat(resolved.handling().window().dueBy()).isEqualTo(Instant.parse("2026-04-01T16:00:00Z"));
        assertThat(resolved.overdue(Instant.parse("2026-05-01T00:00:00Z"))).as("the petitioner's window is not the school's")
                .isFalse();
        assertThatThrownBy(() -> LAW.take(resolved, Action.REQUEST_REVIEW, ActionRequest.EMPTY, CLERK,
                Instant.parse("2026-04-01T16:00:00Z"), CLOCK))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("window"));
        Petition requested = LAW.take(resolved, Action.REQUEST_REVIEW, ActionRequest.EMPTY, CLERK,
                Instant.parse("2026-04-01T15:59:00Z"), CLOCK).after();
        assertThat(requested.handling().dueBy()).as("answered within 30 days of 4月1日: 5月1日 is Labour Day, so 5月6日")
                .isEqualTo(Instant.parse("2026-05-06T16:00:00Z"));
        Instant answeredAt = Instant.parse("2026-04-11T08:00:00Z");
        Petition reviewed = LAW.take(requested, Action.ANSWER_REVIEW, FULL, LEADER, answeredAt, CLOCK).after();
        assertThat(reviewed.handling().window().step()).isEqualTo(LegalStep.RE_REVIEW_REQUEST);
        assertThatThrownBy(() -> LAW.take(reviewed, Action.REQUEST_RE_REVIEW, ActionRequest.EMPTY, CLERK,
                Instant.parse("2026-05-11T16:00:00Z"), CLOCK)).isInstanceOf(RuleViolationException.class);
        assertThat(LAW.take(reviewed, Action.REQUEST_RE_REVIEW, ActionRequest.EMPTY, CLERK,
                Instant.parse("2026-05-11T15:00:00Z"), CLOCK).after().state()).isEqualTo(PetitionState.RE_REVIEW_REQUESTED);
    }

    @Test
    void historyIsAppendOnlyAcrossTheWholeLife() {
        Petition closed = situations().get("closed after re-review").getKey();
        List<PetitionState> path = new ArrayList<>();
        closed.history().forEach(h -> path.add(h.to()));
        assertThat(path).containsExactly(PetitionState.RECEIVED, PetitionState.ROUTED, PetitionState.ACCEPTED,
                PetitionState.IN_PROGRESS, PetitionState.RESOLVED, PetitionState.REVIEW_REQUESTED, PetitionState.REVIEWED,
                PetitionState.RE_REVIEW_REQUESTED, PetitionState.RE_REVIEWED, PetitionState.CLOSED);
        for (int i = 1; i < closed.history().size(); i++) {
            assertThat(closed.history().get(i).from()).isEqualTo(closed.history().get(i - 1).to());
        }
    }
}
