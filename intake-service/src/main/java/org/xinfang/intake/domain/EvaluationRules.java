package org.xinfang.intake.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.xinfang.contracts.event.EventMeta;
import org.xinfang.contracts.event.PetitionEvaluated;
import org.xinfang.contracts.vocabulary.PetitionState;

/**
 * The petitioner rates a petition once it is closed (结案), and only once: a rating before the case is closed would
 * rate a reply that may still change, a second one would let a petition be counted twice. The history records the
 * rating (the comment stays there, with the petition); the event carries the rating without identity or comment.
 */
public final class EvaluationRules {

    private EvaluationRules() {
    }

    /** @param alreadyEvaluated whether the petition holds an evaluation already */
    public static PetitionChange evaluate(Petition p, Evaluation e, boolean alreadyEvaluated) {
        if (alreadyEvaluated) {
            throw new EvaluationRefusedException("该信访事项已评价过，每件只能评价一次");
        }
        if (p.state() != PetitionState.CLOSED) {
            throw new EvaluationRefusedException("信访事项结案后才能评价，当前状态：" + p.state().chineseName());
        }
        String reason = "来信人评价：" + e.satisfaction().chineseName()
                + (e.comment() == null ? "" : "。意见：" + e.comment());
        HistoryEntry entry = HistoryEntry.by(Actor.PETITIONER, e.at(), p.state(), p.state(), reason);
        // One evaluation per petition: its event id follows from the petition, so a republished one is recognised.
        String eventId = UUID.nameUUIDFromBytes(("evaluated|" + p.id()).getBytes(StandardCharsets.UTF_8)).toString();
        PetitionEvaluated event = new PetitionEvaluated(new EventMeta(eventId, PetitionEvaluated.class.getSimpleName(),
                EventMeta.CURRENT_SCHEMA_VERSION, e.at(), p.district(), p.school(), p.id()), e.satisfaction(),
                p.routing() == null ? null : p.routing().department(), p.channel(), e.at());
        Petition after = p.with(p.subject(), p.state(), p.routing(), p.handling(), List.of(entry));
        return new PetitionChange(after, List.of(entry), List.of(event));
    }
}
