package org.xinfang.notification.web;

import org.xinfang.kit.web.ApiProblem;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xinfang.contracts.access.Caller;
import org.xinfang.notification.domain.Actor;
import org.xinfang.notification.domain.TimelineAction;
import org.xinfang.notification.domain.TimelineEntry;
import org.xinfang.notification.messaging.ActivationDecisions;
import org.xinfang.notification.messaging.IncidentTimeline;
import org.xinfang.notification.persistence.IncidentStore;
import reactor.core.publisher.Mono;

/** Incidents within the caller's tenancy (any other answers 404): the leader's decision and the scene record. */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {

    /** What people record by hand; the decision entries are written by the decision itself. */
    private static final Set<TimelineAction> RECORDABLE = EnumSet.of(TimelineAction.ARRIVED,
            TimelineAction.EXPLAINED_POLICY, TimelineAction.PERSUADED_TO_RETURN, TimelineAction.MOVED_AWAY,
            TimelineAction.POLICE_CALLED, TimelineAction.RESOLVED, TimelineAction.REPORTED_TO_BUREAU);

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final IncidentStore incidents;
    private final ActivationDecisions decisions;
    private final IncidentTimeline timeline;

    IncidentController(IncidentStore incidents, ActivationDecisions decisions, IncidentTimeline timeline) {
        this.incidents = incidents;
        this.decisions = decisions;
        this.timeline = timeline;
    }

    record DecisionBody(Boolean approved, String reason) {
    }

    record TimelineBody(String action, String note) {
    }

    @GetMapping("/{incidentId}")
    Mono<IncidentView> byId(Caller caller, @PathVariable String incidentId) {
        AccessPolicy.actingRole(caller, AccessPolicy.Family.INCIDENTS_READ);
        return incidents.byId(incidentId)
                .filter(i -> AccessPolicy.reaches(caller, i))
                .map(IncidentView::of)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("no incident " + incidentId)));
    }

    /** The leader (or deputy leader) of the incident's school approves or declines the plan; a second decision is a 409. */
    @PostMapping("/{incidentId}/activation")
    Mono<IncidentView> decide(Caller caller, @PathVariable String incidentId,
                              @RequestBody(required = false) DecisionBody body) {
        Actor actor = AccessPolicy.actor(caller, AccessPolicy.Family.INCIDENTS_DECIDE);
        if (body == null || body.approved() == null) {
            throw ApiProblem.invalid("approved", "is required (true or false)");
        }
        String reason = optionalText(body.reason(), "reason");
        return decisions.decide(incidentId, i -> AccessPolicy.reaches(caller, i), body.approved(), actor, reason)
                .map(outcome -> {
                    if (outcome instanceof ActivationDecisions.Outcome.Decided done) {
                        return IncidentView.of(done.incident());
                    }
                    if (outcome instanceof ActivationDecisions.Outcome.AlreadyDecided earlier) {
                        throw ApiProblem.conflict("incident " + incidentId + " was already decided: "
                                + earlier.incident().activation());
                    }
                    throw ApiProblem.notFound("no incident " + incidentId);
                });
    }

    /**
     * Records what was done on the scene. An {@code Idempotency-Key} header makes a retried request record once.
     * Notes are for what was done; they must not name petitioners.
     */
    @PostMapping("/{incidentId}/timeline")
    Mono<IncidentView> record(Caller caller, ServerHttpRequest request, @PathVariable String incidentId,
                              @RequestBody(required = false) TimelineBody body) {
        Actor actor = AccessPolicy.actor(caller, AccessPolicy.Family.INCIDENTS_TIMELINE);
        if (body == null || body.action() == null || body.action().isBlank()) {
            throw ApiProblem.invalid("action", "is required, one of " + RECORDABLE);
        }
        TimelineAction action;
        try {
            action = TimelineAction.valueOf(body.action().trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("action", "must be one of " + RECORDABLE);
        }
        if (!RECORDABLE.contains(action)) {
            throw ApiProblem.invalid("action", "must be one of " + RECORDABLE);
        }
        String note = optionalText(body.note(), "note");
        String key = request.getHeaders().getFirst("Idempotency-Key");
        if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ApiProblem.invalid("Idempotency-Key", "1 to 100 letters, digits, '.', '_', ':' or '-'");
        }
        String entryId = key != null ? key : UUID.randomUUID().toString();
        return timeline.record(incidentId, i -> AccessPolicy.reaches(caller, i), entryId, action, actor, note)
                .map(IncidentView::of)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("no incident " + incidentId)));
    }

    private static String optionalText(String value, String field) {
        if (value != null && value.length() > TimelineEntry.MAX_NOTE) {
            throw ApiProblem.invalid(field, "at most " + TimelineEntry.MAX_NOTE + " characters");
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
