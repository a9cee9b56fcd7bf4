package org.xinfang.intake.web;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.xinfang.contracts.vocabulary.Relation;
import org.xinfang.contracts.vocabulary.Subject;
import org.xinfang.intake.domain.PublicSubmission;

/**
 * Reads a public submission: the school (district and school), the subject or 不确定, title and description, an
 * optional name and phone, and the solved challenge. Every bad field is named with a reason in Chinese.
 */
final class PublicSubmissionReader {

    /** The subject the sender may choose when they cannot tell: routing reads it from the text. */
    static final String UNSURE = "不确定";

    private static final Set<String> FIELDS = Set.of("district", "school", "subject", "title", "description", "name",
            "phone", "relation", "challenge", "solution");
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern MOBILE_OR_FIXED = Pattern.compile("\\+?[0-9][0-9 -]{6,19}");

    /** The submission with its challenge and the solution the sender's browser found. */
    record Submitted(PublicSubmission submission, String challenge, String solution) {
    }

    private PublicSubmissionReader() {
    }

    static Submitted read(byte[] body) {
        PublicFields f = PublicFields.of(body, FIELDS);
        String district = id(f, "district", "所在区");
        String school = id(f, "school", "学校");
        Subject subject = subject(f);
        String title = f.text("title", "标题", true, RegistrationReader.MAX_TITLE, false);
        String description = f.text("description", "反映的问题", true, RegistrationReader.MAX_DESCRIPTION, true);
        String name = f.text("name", "姓名", false, RegistrationReader.MAX_NAME, false);
        String phone = f.text("phone", "联系电话", false, 20, false);
        if (phone != null && !MOBILE_OR_FIXED.matcher(phone).matches()) {
            f.refuse("phone", "联系电话须为7至20位数字");
            phone = null;
        }
        if (phone != null && name == null) {
            f.refuse("name", "留下联系电话时请一并留下姓名；不留姓名和电话即为匿名");
        }
        Relation relation = relation(f);
        String challenge = f.text("challenge", "验证题", true, 200, false);
        String solution = f.text("solution", "验证题的解", true, 32, false);
        f.done();
        return new Submitted(new PublicSubmission(district, school, subject, title, description, name, phone,
                relation), challenge, solution);
    }

    private static String id(PublicFields f, String field, String label) {
        String value = f.text(field, label, true, 40, false);
        if (value != null && !ID.matcher(value).matches()) {
            f.refuse(field, label + "的编号不正确");
            return null;
        }
        return value;
    }

    /** A subject by its code or its Chinese name; 不确定 (or none) lets routing read it from the text. */
    private static Subject subject(PublicFields f) {
        String given = f.text("subject", "反映事项的类别", false, 40, false);
        if (given == null || UNSURE.equals(given)) {
            return Subject.UNKNOWN;
        }
        Optional<Subject> known = Arrays.stream(Subject.values()).filter(s -> s != Subject.UNKNOWN)
                .filter(s -> s.name().equals(given) || s.chineseName().equals(given)).findFirst();
        if (known.isEmpty()) {
            f.refuse("subject", "不认识的类别「" + given + "」；不清楚时请选「" + UNSURE + "」");
        }
        return known.orElse(Subject.UNKNOWN);
    }

    private static Relation relation(PublicFields f) {
        String given = f.text("relation", "与学校的关系", false, 20, false);
        if (given == null) {
            return null;
        }
        Optional<Relation> known = Arrays.stream(Relation.values())
                .filter(r -> r.name().equals(given) || r.chineseName().equals(given)).findFirst();
        if (known.isEmpty()) {
            f.refuse("relation", "与学校的关系须为家长、教师、职工、学生、居民或其他");
        }
        return known.orElse(null);
    }
}
