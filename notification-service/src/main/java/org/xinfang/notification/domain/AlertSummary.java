package org.xinfang.notification.domain;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.xinfang.contracts.event.Situation;
import org.xinfang.contracts.vocabulary.Departments;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.WrittenTime;

/**
 * What a recipient reads: one line that fits a text message (the summary) and the facts needed to act (the
 * details), in Chinese, with names rather than codes. Built from the routing decision and the petition's situation
 * only, never from the petition's text or petitioners: the department complained about may read it.
 */
final class AlertSummary {

    /** How an alert raised by an escalation on the spot opens, so nobody reads it as the first report. */
    static final String ESCALATED = "情况升级，";

    /** One segment of a Chinese text message. */
    static final int SMS_LENGTH = 70;

    private AlertSummary() {
    }

    static String of(RoutedPetition petition, PlannedAlert alert) {
        String scene = PetitionWords.scene(petition.situation());
        return fit("【" + shortLevel(petition.level()) + "】" + (petition.escalation() ? ESCALATED : "")
                        + PetitionWords.shortCaption(petition.situation()) + "：",
                scene.isEmpty() ? Departments.chineseName(petition.department()) + "负责" : scene,
                action(alert, petition.department()));
    }

    static String details(RoutedPetition petition, PlannedAlert alert) {
        Situation s = petition.situation();
        List<String> lines = new ArrayList<>();
        if (petition.escalation()) {
            // The recipient may have been told of this petition before: say first that this is new.
            lines.add("情况升级：现场情况有变，紧急程度升至" + petition.level().chineseName());
        }
        if (s != null && s.schoolName() != null) {
            lines.add("学校：" + s.schoolName());
        }
        lines.add("信访编号：" + (s == null || s.number() == null ? "（无）" : s.number()));
        if (s != null) {
            if (s.place() != null && !s.place().isBlank()) {
                lines.add("地点：" + s.place().strip());
            }
            lines.add("人数：" + s.headcount() + "人（" + s.form().chineseName() + "，" + s.channel().chineseName() + "）");
            if (!s.riskSignals().isEmpty()) {
                lines.add("现场情况：" + PetitionWords.signals(s));
            }
        }
        lines.add("事项类别：" + petition.subject().chineseName());
        lines.add("负责部门：" + Departments.chineseName(petition.department())
                + (petition.coDepartments().isEmpty() ? "" : "（协办："
                + String.join("、", petition.coDepartments().stream().map(Departments::chineseName).toList()) + "）"));
        lines.add("紧急程度：" + petition.level().chineseName());
        lines.add("请您：" + action(alert, petition.department()));
        return String.join("\n", lines);
    }

    static String goToScene(Incident incident, String department) {
        return fit("【" + shortLevel(incident.level()) + "】" + incident.caption() + "：", "组长已批准启动应急预案",
                "请" + Departments.chineseName(department) + "立即赶赴现场，疏导劝返，维护秩序");
    }

    static String goToSceneDetails(Incident incident, String department) {
        return "信访编号：" + incident.caption() + "\n紧急程度：" + incident.level().chineseName()
                + "\n信访工作领导小组组长已批准启动信访工作应急预案。\n请" + Departments.chineseName(department)
                + "立即赶赴现场，了解情况、宣传政策、疏导劝返，维护秩序。";
    }

    /** A deadline warning for the department, or the lapse for the General Office, dated in the district's zone. */
    static String deadline(DeadlineTimer timer, PetitionDeadlines petition, ZoneId zone) {
        String department = Departments.chineseName(petition.department());
        String level = shortLevel(petition.level() == null ? EmergencyLevel.ROUTINE : petition.level());
        String end = WrittenTime.endOf(timer.limitAt(), zone);
        boolean acceptance = timer.limit() == DeadlineLimit.ACCEPTANCE;
        String what = "【" + level + "】" + petition.caption() + "：";
        if (timer.kind() == DeadlineTimer.Kind.WARNING) {
            return what + (acceptance ? "受理时限即将届满（" + end + "），请" + department + "按期决定是否受理并告知信访人"
                    : "办理时限即将届满（" + end + "），请" + department + "按期办结并书面答复");
        }
        return what + (acceptance ? "受理时限已过（" + end + "），尚未决定是否受理，请办公室督办"
                : "办理时限已过（" + end + "），尚未办结，请办公室督办");
    }

    static String deadlineDetails(DeadlineTimer timer, PetitionDeadlines petition, ZoneId zone) {
        boolean acceptance = timer.limit() == DeadlineLimit.ACCEPTANCE;
        return "信访编号：" + petition.caption()
                + (petition.subject() == null ? "" : "\n事项类别：" + petition.subject().chineseName())
                + "\n负责部门：" + Departments.chineseName(petition.department())
                + "\n" + (acceptance ? "受理" : "办理") + "时限：" + WrittenTime.endOf(timer.limitAt(), zone) + "届满"
                + "\n" + (timer.kind() == DeadlineTimer.Kind.WARNING
                ? (acceptance ? "请按期决定是否受理，并告知信访人。" : "请按期办结，并书面答复信访人。")
                : "时限已过，请办公室督办。");
    }

    static String action(PlannedAlert alert, String petitionDepartment) {
        return switch (alert.kind()) {
            case ACTIVATION_REQUEST -> "请组长决定是否启动信访工作应急预案";
            case DEPARTMENT_NOTICE -> "请" + Departments.chineseName(alert.department() == null ? petitionDepartment
                    : alert.department()) + "立即按预案处置";
            case POLICE_ALERT -> "发生打砸抢烧或危及人身安全情形，请公安、综治部门立即到场";
            case PRINCIPAL_ALERT -> "请学校主要领导立即赶赴现场指挥处置";
            case BUREAU_ALERT -> "现报告教育局，请派员到场";
            case DEADLINE_WARNING -> "办理时限即将届满";
            case DEADLINE_LAPSED -> "办理时限已过";
            case OTHER -> "请处理";
        };
    }

    /** The level as a text message names it: 一般, 较大, 重大, 特别重大. */
    static String shortLevel(EmergencyLevel level) {
        String name = level.chineseName();
        int grade = name.indexOf('（');
        return grade < 0 ? name : name.substring(0, grade);
    }

    /**
     * Head, scene and action in one text-message segment: the scene gives way first, then the action is cut, so the
     * number and what to do are never lost.
     */
    static String fit(String head, String scene, String action) {
        String full = head + scene + "。" + action;
        if (full.length() <= SMS_LENGTH) {
            return full;
        }
        int room = SMS_LENGTH - head.length() - action.length() - 2;
        if (room >= 4) {
            return head + scene.substring(0, room) + "…。" + action;
        }
        String bare = head + action;
        return bare.length() <= SMS_LENGTH ? bare : bare.substring(0, SMS_LENGTH - 1) + "…";
    }
}
