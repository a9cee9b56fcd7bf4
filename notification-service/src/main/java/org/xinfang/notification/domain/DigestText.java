package org.xinfang.notification.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * The digest as a person reads it in a mail: Chinese first, English beside it, figures in a stable order. Only what
 * the digest holds is written (totals, counts, overdue petition ids and departments): never a petitioner.
 */
public final class DigestText {

    /** Names of the figures reporting is known to send; any other is shown under its own key. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("received", "收到信访事项 received"),
            Map.entry("routed", "已分办 routed"),
            Map.entry("accepted", "已受理 accepted"),
            Map.entry("notAccepted", "不予受理 not accepted"),
            Map.entry("inProgress", "办理中 in progress"),
            Map.entry("resolved", "已办结 resolved"),
            Map.entry("closed", "已结案 closed"),
            Map.entry("escalated", "越级上访 escalated"),
            Map.entry("groupPetitions", "集体访 group petitions"),
            Map.entry("groupHeadcount", "集体访人数 group headcount"),
            Map.entry("openEmergencies", "未结应急事件 open emergencies"),
            Map.entry("acceptedInTime", "按期受理 accepted in time"),
            Map.entry("acceptMissed", "受理超期 acceptance limit missed"),
            Map.entry("resolvedInTime", "按期办结 resolved in time"),
            Map.entry("resolveMissed", "办结超期 handling limit missed"),
            Map.entry("overdue", "超期事项 overdue"));

    private DigestText() {
    }

    public static String subject(Digest digest) {
        return "[信访" + periodName(digest) + " " + digest.period().name().toLowerCase() + " digest] " + digest.district()
                + " " + span(digest);
    }

    public static String body(Digest digest) {
        StringBuilder text = new StringBuilder();
        text.append("教育局信访工作").append(periodName(digest)).append(" / Petition ")
                .append(digest.period().name().toLowerCase()).append(" digest\n");
        text.append("区县 District: ").append(digest.district()).append('\n');
        text.append("统计期间 Period: ").append(span(digest)).append("\n\n");
        text.append("总计 Totals\n");
        if (digest.totals().isEmpty()) {
            text.append("  （无 none）\n");
        }
        new TreeMap<>(digest.totals()).forEach((key, value) ->
                text.append("  ").append(LABELS.getOrDefault(key, key)).append(": ").append(value).append('\n'));
        if (!digest.counts().isEmpty()) {
            text.append("\n分类统计 Counts\n");
            new TreeMap<>(digest.counts()).forEach((dimension, values) -> {
                text.append("  ").append(dimension).append('\n');
                new TreeMap<>(values).forEach((key, value) ->
                        text.append("    ").append(key).append(": ").append(value).append('\n'));
            });
        }
        text.append("\n超期事项 Overdue petitions (").append(digest.overdue().size()).append(")\n");
        if (digest.overdue().isEmpty()) {
            text.append("  （无 none）\n");
        }
        for (Digest.Overdue o : digest.overdue()) {
            text.append("  ").append(o.petitionId()).append("  学校 school ").append(o.school())
                    .append("  部门 department ").append(o.department()).append("  时限 limit ").append(o.limit())
                    .append("  到期 due ").append(o.dueAt()).append('\n');
        }
        text.append("\n摘要编号 Digest id: ").append(digest.digestId()).append('\n');
        return text.toString();
    }

    private static String periodName(Digest digest) {
        return switch (digest.period()) {
            case DAILY -> "日报";
            case WEEKLY -> "周报";
            default -> "摘要";
        };
    }

    private static String span(Digest digest) {
        return digest.from().equals(digest.to()) ? digest.from().toString() : digest.from() + " – " + digest.to();
    }
}
