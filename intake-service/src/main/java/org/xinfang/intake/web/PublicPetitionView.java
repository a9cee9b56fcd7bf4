package org.xinfang.intake.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.ZoneId;
import org.xinfang.contracts.vocabulary.Departments;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.Satisfaction;
import org.xinfang.contracts.vocabulary.WrittenTime;
import org.xinfang.intake.domain.Deadline;
import org.xinfang.intake.domain.Evaluation;
import org.xinfang.intake.domain.Handling;
import org.xinfang.intake.domain.LegalStep;
import org.xinfang.intake.domain.Petition;

/**
 * A petition as its petitioner sees it with the query code: where it stands, who handles it, by when, and the written
 * answers. Times are written as people in the district write them. Never the identity (not even the petitioner's own,
 * since a code can be passed on), never the history, which names the school's staff.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PublicPetitionView(
        String number,
        String schoolName,
        String title,
        String receivedAt,
        PetitionState state,
        String stateName,
        String departmentName,
        DeadlineText deadline,
        String refusalReason,
        String reply,
        String repliedAt,
        String reviewReply,
        String reReviewReply,
        EvaluationText evaluation,
        boolean canEvaluate,
        ReviewText review) {

    /** The deadline running: which step, its legal limit, and the end as the law states it (…日 24:00). */
    record DeadlineText(String stepName, String limit, String endsAt, boolean overdue) {
    }

    record EvaluationText(Satisfaction satisfaction, String satisfactionName, String comment, String at) {
    }

    /** How and until when an unsatisfied petitioner may ask for a review (复查) or a re-review (复核). */
    record ReviewText(String stepName, String until, String how) {
    }

    static PublicPetitionView of(Petition p, String schoolName, Evaluation evaluation, ZoneId zone, Instant now) {
        Handling h = p.handling();
        Deadline due = h.due();
        DeadlineText deadline = due == null ? null : new DeadlineText(due.step().chinese(),
                due.limit() == null ? null : due.limit().chinese(), WrittenTime.endOf(due.dueBy(), due.zone()),
                now.isAfter(due.dueBy()));
        String department = p.routing() == null ? null : Departments.chineseName(p.routing().department());
        EvaluationText rated = evaluation == null ? null : new EvaluationText(evaluation.satisfaction(),
                evaluation.satisfaction().chineseName(), evaluation.comment(), WrittenTime.of(evaluation.at(), zone));
        return new PublicPetitionView(p.number(), schoolName, p.title(), WrittenTime.of(p.receivedAt(), zone),
                p.state(), p.state().chineseName(), department, deadline, h.refusalReason(), h.reply(),
                h.resolvedAt() == null ? null : WrittenTime.of(h.resolvedAt(), zone), h.reviewReply(),
                h.reReviewReply(), rated, p.state() == PetitionState.CLOSED && evaluation == null,
                evaluation != null && evaluation.satisfaction() == Satisfaction.UNSATISFIED
                        ? review(p, schoolName, now) : null);
    }

    /** The petitioner's own window, as the reply or the review's answer opened it, while it is still open. */
    private static ReviewText review(Petition p, String schoolName, Instant now) {
        Deadline window = p.handling().window();
        if (window == null || !now.isBefore(window.dueBy())) {
            return null;
        }
        boolean reReview = window.step() == LegalStep.RE_REVIEW_REQUEST;
        String step = reReview ? "复核" : "复查";
        String until = WrittenTime.endOf(window.dueBy(), window.zone());
        String limit = window.limit() == null ? "" : "（" + window.limit().chinese() + "内）";
        return new ReviewText(step, until, "对" + (reReview ? "复查意见" : "处理意见") + "不服的，可在" + until
                + "前" + limit + "向" + schoolName + "信访工作领导小组或区教育局书面提出" + step
                + "申请，写明信访编号" + p.number() + "和不服的理由；也可到学校信访窗口由工作人员登记。");
    }
}
