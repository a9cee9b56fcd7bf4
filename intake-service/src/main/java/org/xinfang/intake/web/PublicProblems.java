package org.xinfang.intake.web;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.xinfang.intake.domain.FieldError;
import org.xinfang.kit.web.ApiProblem;
import org.xinfang.kit.web.FieldReason;
import org.xinfang.kit.web.ProblemType;

/** The public door's refusals, in the kit's problem shape, worded for the parent who reads them. */
final class PublicProblems {

    private PublicProblems() {
    }

    static ApiProblem invalid(List<FieldError> errors) {
        return ApiProblem.of(HttpStatus.BAD_REQUEST, ProblemType.INVALID_REQUEST, "提交的内容有误："
                        + errors.stream().map(FieldError::reason).collect(Collectors.joining("；")))
                .withErrors(errors.stream().map(e -> new FieldReason(e.field(), e.reason())).toList());
    }

    /** A wrong code and an unknown one are answered alike, so a guess learns nothing. */
    static ApiProblem unknownCode() {
        return ApiProblem.notFound("没有与该查询码对应的信访事项，请核对后重试");
    }

    static TooManyAttemptsException lockedOut(Duration wait) {
        return new TooManyAttemptsException("查询码输错次数过多，请在" + minutes(wait) + "分钟后再试", wait);
    }

    static TooManyAttemptsException schoolBusy(Duration wait) {
        return new TooManyAttemptsException("该校网上信访一时提交过多，请在" + minutes(wait) + "分钟后再提交，"
                + "或直接到学校、拨打学校电话反映", wait);
    }

    private static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
