package org.xinfang.routing.domain;

import static org.xinfang.contracts.vocabulary.Subject.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xinfang.contracts.vocabulary.Subject;

/** The department table of the school's plan (section 三(三)), as the rule set every school starts from. */
public final class DefaultRuleSet {

    public static final String ACADEMIC_AFFAIRS = "ACADEMIC_AFFAIRS";
    public static final String PRINCIPAL_OFFICE = "PRINCIPAL_OFFICE";
    public static final String PARTY_BRANCH = "PARTY_BRANCH";
    public static final String UNION = "UNION";
    public static final String LOGISTICS = "LOGISTICS";
    public static final String YOUNG_PIONEERS = "YOUNG_PIONEERS";
    public static final String GENERAL_OFFICE = "GENERAL_OFFICE";

    public static final Set<String> DEPARTMENTS = Set.of(ACADEMIC_AFFAIRS, PRINCIPAL_OFFICE, PARTY_BRANCH, UNION,
            LOGISTICS, YOUNG_PIONEERS, GENERAL_OFFICE);

    private DefaultRuleSet() {
    }

    public static RuleSet create() {
        Map<Subject, Assignment> table = new EnumMap<>(Subject.class);
        // 教导处, with 校办
        for (Subject s : List.of(ENROLLMENT, ADMISSION, TRANSFER, ACADEMIC_BURDEN)) {
            table.put(s, Assignment.of(ACADEMIC_AFFAIRS, PRINCIPAL_OFFICE));
        }
        // 党支部, with 工会
        for (Subject s : List.of(APPOINTMENTS, ORGANISATION, STAFF_RIGHTS, RETIRED_CADRES, MEDIA_OPINION)) {
            table.put(s, Assignment.of(PARTY_BRANCH, UNION));
        }
        // 党支部 alone
        for (Subject s : List.of(TEACHER_ETHICS, PAID_TUTORING, INTEGRITY, DISCIPLINE, WORK_STYLE, OPEN_AFFAIRS,
                CONSTRUCTION_BIDDING, EDUCATION_FEES, INFRASTRUCTURE)) {
            table.put(s, Assignment.of(PARTY_BRANCH));
        }
        // 后勤处
        for (Subject s : List.of(TEACHER_PAY, WELFARE, HYGIENE, EPIDEMIC, CAMPUS_SAFETY)) {
            table.put(s, Assignment.of(LOGISTICS));
        }
        // 少先队
        for (Subject s : List.of(TRAFFIC_SAFETY, STUDENT_INJURY, SCHOOL_DISPUTES)) {
            table.put(s, Assignment.of(YOUNG_PIONEERS));
        }
        // 办公室, also the owner of whatever cannot be classified
        for (Subject s : List.of(INFO_DISCLOSURE, ONLINE_COMPLAINTS, FOREIGN_AFFAIRS, NEIGHBOUR_DISPUTES, UNKNOWN)) {
            table.put(s, Assignment.of(GENERAL_OFFICE));
        }
        return new RuleSet(RuleScope.DEFAULT, 1, DEPARTMENTS, table, GENERAL_OFFICE);
    }
}
