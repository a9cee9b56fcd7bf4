package org.xinfang.notification.domain;

import org.xinfang.contracts.vocabulary.EmergencyLevel;

/**
 * The one line a recipient reads. Built only from the routing decision (level, subject, department, petition id),
 * never from the petition's text or petitioners: the department complained about may read it.
 */
final class AlertSummary {

    private AlertSummary() {
    }

    static String of(RoutedPetition petition, PlannedAlert alert) {
        String what = "[" + levelName(petition.level()) + "] 信访事项 " + petition.petitionId()
                + "（" + petition.subject().chineseName() + "，负责部门：" + petition.department() + "）";
        return what + "：" + action(alert);
    }

    static String goToScene(Incident incident, String department) {
        return "[" + levelName(incident.level()) + "] 信访事项 " + incident.petitionId()
                + "：组长已批准启动信访工作应急预案，请" + department
                + "立即赶赴现场，了解情况、宣传政策、疏导劝返，维护秩序";
    }

    /** A deadline warning for the department, or the lapse for the General Office; the limit's day in UTC. */
    static String deadline(DeadlineTimer timer, PetitionDeadlines petition) {
        String level = levelName(petition.level() == null ? EmergencyLevel.ROUTINE : petition.level());
        String subject = petition.subject() == null ? "" : petition.subject().chineseName() + "，";
        String what = "[" + level + "] 信访事项 " + petition.petitionId() + "（" + subject + "负责部门："
                + petition.department() + "）：";
        String day = timer.limitAt().toString().substring(0, 10);
        boolean acceptance = timer.limit() == DeadlineLimit.ACCEPTANCE;
        if (timer.kind() == DeadlineTimer.Kind.WARNING) {
            return what + (acceptance ? "受理时限（" + day + "）即将届满，请" + petition.department() + "按期决定是否受理并告知信访人"
                    : "办理时限（" + day + "）即将届满，请" + petition.department() + "按期办结并书面答复");
        }
        return what + (acceptance ? "受理时限（" + day + "）已过，尚未决定是否受理，请办公室督办"
                : "办理时限（" + day + "）已过，尚未办结，请办公室督办");
    }

    private static String action(PlannedAlert alert) {
        return switch (alert.kind()) {
            case ACTIVATION_REQUEST -> "请组长决定是否启动信访工作应急预案";
            case DEPARTMENT_NOTICE -> "请" + alert.department() + "立即按预案处置";
            case POLICE_ALERT -> "发生打砸抢烧或危及人身安全情形，请公安、综治部门立即到场";
            case PRINCIPAL_ALERT -> "请学校主要领导立即赶赴现场指挥处置";
            case BUREAU_ALERT -> "现报告教育局，请派员到场";
            case DEADLINE_WARNING -> "办理时限即将届满";
            case DEADLINE_LAPSED -> "办理时限已过";
            case OTHER -> "请处理";
        };
    }

    private static String levelName(EmergencyLevel level) {
        return switch (level) {
            case ROUTINE -> "一般";
            case ELEVATED -> "较大";
            case HIGH -> "重大";
            case CRITICAL -> "特急";
        };
    }
}
