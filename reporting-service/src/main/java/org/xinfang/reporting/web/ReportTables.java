package org.xinfang.reporting.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.xinfang.contracts.vocabulary.AlertKind;
import org.xinfang.contracts.vocabulary.Channel;
import org.xinfang.contracts.vocabulary.Departments;
import org.xinfang.contracts.vocabulary.EmergencyLevel;
import org.xinfang.contracts.vocabulary.Form;
import org.xinfang.contracts.vocabulary.PetitionState;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.contracts.vocabulary.WrittenTime;
import org.xinfang.reporting.domain.OpenPetition;

/**
 * The bureau's answers as tables in Chinese, for CSV: every code becomes the name people read (schools by the names
 * their receipts gave, departments, subjects, levels …), every date and time the district's. The answers hold no
 * identity to begin with; nothing here adds any.
 */
final class ReportTables {

    /** The names of the scalar figures, in the order a bureau reads them. */
    static final Map<String, String> TOTALS = totals();

    static final Map<String, String> DIMENSIONS = Map.of(
            "school", "学校", "subject", "事项类别", "department", "承办部门", "form", "信访形式", "level", "应急等级",
            "channel", "信访方式", "state", "办理状态", "alertKind", "预警类别");

    private ReportTables() {
    }

    private static Map<String, String> totals() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("received", "登记件数");
        t.put("headcount", "信访人次");
        t.put("groupPetitions", "集体访件数");
        t.put("groupHeadcount", "集体访人次");
        t.put("escalated", "越级或重复信访件数");
        t.put("routed", "已转办件数");
        t.put("accepted", "受理件数");
        t.put("notAccepted", "不予受理件数");
        t.put("resolved", "办结件数");
        t.put("acceptDeadlineMet", "按期受理件数");
        t.put("acceptDeadlineMissed", "超期受理件数");
        t.put("handleDeadlineMet", "按期办结件数");
        t.put("handleDeadlineMissed", "超期办结件数");
        t.put("emergenciesRequested", "请示启动预案次数");
        t.put("emergenciesApproved", "批准启动预案次数");
        t.put("emergenciesDeclined", "不启动预案次数");
        t.put("openEmergencies", "未结应急事项");
        t.put("alerts", "预警条数");
        return t;
    }

    /** One row per figure: the totals, the timings, then each dimension's values. */
    static CsvTable report(ReportView report, Map<String, String> schoolNames) {
        CsvTable table = new CsvTable(List.of("统计期间", "分类", "项目", "数值"));
        String period = period(report.from(), report.to());
        TOTALS.forEach((code, name) -> table.row(period, "合计", name, report.totals().getOrDefault(code, 0L)));
        timing(table, period, "受理用时（小时）", report.timings().get("hoursToAccept"));
        timing(table, period, "办结用时（小时）", report.timings().get("hoursToResolve"));
        report.counts().forEach((dimension, values) -> values.forEach((code, n) ->
                table.row(period, DIMENSIONS.getOrDefault(dimension, dimension), name(dimension, code, schoolNames), n)));
        return table;
    }

    static CsvTable top(QueryController.TopView top, Map<String, String> schoolNames) {
        CsvTable table = new CsvTable(List.of("统计期间", "名次", DIMENSIONS.getOrDefault(top.dimension(), top.dimension()), "件数"));
        String period = period(top.from(), top.to());
        int rank = 1;
        for (QueryController.Ranked r : top.top()) {
            table.row(period, rank++, name(top.dimension(), r.value(), schoolNames), r.count());
        }
        return table;
    }

    static CsvTable overdue(QueryController.OverdueView overdue, Map<String, String> schoolNames, ZoneId zone) {
        CsvTable table = new CsvTable(List.of("事项编号", "学校", "承办部门", "待办环节", "期限", "逾期天数", "统计时间"));
        String asOf = WrittenTime.of(overdue.asOf(), zone);
        for (QueryController.Overdue p : overdue.petitions()) {
            table.row(p.number() == null ? p.petitionId() : p.number(), schoolNames.getOrDefault(p.school(), p.school()), Departments.chineseName(p.department()),
                    stage(p.stage()), WrittenTime.endOf(p.dueBy(), zone), p.daysOverdue(), asOf);
        }
        return table;
    }

    static String stage(String stage) {
        return switch (stage) {
            case OpenPetition.ACCEPT -> "受理";
            case OpenPetition.HANDLE -> "办理答复";
            default -> stage;
        };
    }

    /** The name people read for a value of a dimension; a code no vocabulary knows reads as written. */
    static String name(String dimension, String code, Map<String, String> schoolNames) {
        return switch (dimension) {
            case "school" -> schoolNames.getOrDefault(code, code);
            case "department" -> Departments.chineseName(code);
            case "subject" -> named(code, Subject::valueOf, Subject::chineseName);
            case "form" -> named(code, Form::valueOf, Form::chineseName);
            case "level" -> named(code, EmergencyLevel::valueOf, EmergencyLevel::chineseName);
            case "channel" -> named(code, Channel::valueOf, Channel::chineseName);
            case "state" -> named(code, PetitionState::valueOf, PetitionState::chineseName);
            case "alertKind" -> named(code, AlertKind::valueOf, AlertKind::chineseName);
            default -> code;
        };
    }

    private static <E> String named(String code, Function<String, E> parse, Function<E, String> chinese) {
        try {
            return chinese.apply(parse.apply(code));
        } catch (IllegalArgumentException | NullPointerException e) {
            return code;
        }
    }

    private static void timing(CsvTable table, String period, String what, Map<String, Long> timing) {
        if (timing == null) {
            return;
        }
        table.row(period, what, "测量件数", timing.get("measured"));
        table.row(period, what, "中位数", timing.get("p50"));
        table.row(period, what, "第90百分位", timing.get("p90"));
    }

    static String period(LocalDate from, LocalDate to) {
        return from.equals(to) ? WrittenTime.date(from) : WrittenTime.date(from) + "至" + WrittenTime.date(to);
    }
}
