package org.xinfang.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.event.Situation;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.RiskSignal;
import org.xinfang.contracts.vocabulary.Subject;

/** Alert texts as the leader reads them on a phone: Chinese names, the number, the scene, one SMS segment. */
class AlertSummaryTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void everyAlertOfTheWorstCaseFitsOneTextMessageAndKeepsNumberAndAction() {
        Situation crowded = new Situation("东区一小〔2026〕1234号", "东区第一小学", Channel.VISIT, Form.GROUP, 120,
                "学校东侧正门外人行道及公交站台附近的停车场入口处", Set.of(RiskSignal.values()));
        RoutedPetition petition = new RoutedPetition("ev", "d-east", "s-east-01", "p-1", Subject.STUDENT_INJURY,
                "YOUNG_PIONEERS", List.of("GENERAL_OFFICE"), EmergencyLevel.CRITICAL, crowded);
        for (PlannedAlert alert : AlertPolicy.plan().alertsFor(petition)) {
            String summary = AlertSummary.of(petition, alert);
            assertThat(summary).as(alert.kind().name()).hasSizeLessThanOrEqualTo(AlertSummary.SMS_LENGTH)
                    .startsWith("【特别重大】东区一小〔2026〕1234号：")
                    .endsWith(AlertSummary.action(alert, petition.department()));
        }
    }

    @Test
    void detailsSayWhatAPersonArrivingMustKnowInNames() {
        Situation s = new Situation("东区一小〔2026〕17号", "东区第一小学", Channel.PHONE, Form.GROUP, 12, "学校正门",
                Set.of(RiskSignal.BLOCKING, RiskSignal.VIOLENCE));
        RoutedPetition petition = new RoutedPetition("ev", "d-east", "s-east-01", "p-1", Subject.HYGIENE, "LOGISTICS",
                List.of("GENERAL_OFFICE"), EmergencyLevel.HIGH, s);
        PlannedAlert police = new PlannedAlert(AlertKind.POLICE_ALERT, RecipientRole.POLICE, null);
        assertThat(AlertSummary.details(petition, police)).isEqualTo(String.join("\n",
                "学校：东区第一小学",
                "信访编号：东区一小〔2026〕17号",
                "地点：学校正门",
                "人数：12人（集体访，来电）",
                "现场情况：打砸抢烧、堵门或扰乱教学秩序",
                "事项类别：卫生",
                "负责部门：后勤处（协办：办公室）",
                "紧急程度：重大（Ⅱ级）",
                "请您：发生打砸抢烧或危及人身安全情形，请公安、综治部门立即到场"));
    }

    @Test
    void aDecisionFromBeforeSituationsStillReadsWithoutCodes() {
        RoutedPetition old = new RoutedPetition("ev", "d-east", "s-east-01", "p-1", Subject.HYGIENE, "LOGISTICS",
                List.of(), EmergencyLevel.ELEVATED, null);
        PlannedAlert notice = new PlannedAlert(AlertKind.DEPARTMENT_NOTICE, RecipientRole.DEPARTMENT, "LOGISTICS");
        assertThat(AlertSummary.of(old, notice)).isEqualTo("【较大】信访事项（无编号）：后勤处负责。请后勤处立即按预案处置");
    }

    @Test
    void aDeadlineIsDatedAt24OfItsLastDayInTheDistrictsZone() {
        Instant limit = Instant.parse("2026-12-17T16:00:00Z"); // 24:00 of 17 December in Beijing
        DeadlineTimer warning = DeadlineTimer.of("p-1", DeadlineLimit.ACCEPTANCE, DeadlineTimer.Kind.WARNING,
                limit.minusSeconds(3 * 86_400), limit, "ev", null);
        PetitionDeadlines p = new PetitionDeadlines("p-1", "d-east", "s-east-01", "LOGISTICS", EmergencyLevel.ROUTINE,
                Subject.HYGIENE, limit, 60, 30, false, null, false, "东区第一小学 东区一小〔2026〕17号");
        assertThat(AlertSummary.deadline(warning, p, SHANGHAI)).isEqualTo(
                "【一般】东区第一小学 东区一小〔2026〕17号：受理时限即将届满（2026年12月17日 24:00），请后勤处按期决定是否受理并告知信访人");
    }
}
