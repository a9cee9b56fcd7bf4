package org.xinfang.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.notification.domain.Alert;
import org.xinfang.notification.domain.AlertState;
import org.xinfang.notification.domain.DeliveryChannel;
import org.xinfang.notification.domain.Delivery;
import org.xinfang.notification.domain.RecipientRole;

/** What the principal reads when the leader's request reaches them because nobody answered. */
class AlertMessageTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String SUMMARY = "【重大】东区一小〔2026〕17号：学校正门，40人集体访，堵门或扰乱教学秩序。请组长决定是否启动信访工作应急预案";

    private static Alert alert(int step, RecipientRole now) {
        return new Alert("a-1", "i-1", "ev-1", "d-east", "s-east-01", "p-1", AlertKind.ACTIVATION_REQUEST,
                EmergencyLevel.HIGH, RecipientRole.LEADER, null, SUMMARY, "学校：东区第一小学", AlertState.OPEN, step, now,
                Instant.parse("2026-12-03T14:02:00Z"), null, null, null);
    }

    private static final Delivery DELIVERY = new Delivery("d-1", "a-1", 2, "c-1", DeliveryChannel.SMS, "13800000000");

    @Test
    void theFirstStepIsStepOneAndTheTimeIsLocal() {
        OutboundMessage message = AlertMessage.of(DELIVERY, alert(0, RecipientRole.LEADER), SHANGHAI);
        assertThat(message.subject()).isEqualTo(SUMMARY);
        assertThat(message.text()).contains("发出时间：2026年12月3日 22:02").contains("第1步")
                .doesNotContain("第 0 级").doesNotContain("逐级上报");
        assertThat(message.shortText()).isEqualTo(SUMMARY);
    }

    @Test
    void anEscalatedAlertSaysWhoDidNotAnswerAndSinceWhen() {
        OutboundMessage message = AlertMessage.of(DELIVERY, alert(2, RecipientRole.PRINCIPAL), SHANGHAI);
        assertThat(message.text()).startsWith(
                "【逐级上报】本预警原发领导小组组长，自2026年12月3日 22:02起未获确认，现转请学校主要领导处理。");
        assertThat(message.subject()).startsWith("【逐级上报】");
        assertThat(message.shortText()).startsWith("【升级】原发领导小组组长未确认。").hasSizeLessThanOrEqualTo(70);
        assertThat(message.text()).contains("第3步");
    }
}
