package org.xinfang.intake.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Free text that looks as if it holds someone's identity: a mobile or landline number, or a resident ID number. Free
 * text travels further than the sealed petitioner fields (to routing and the department handling the petition), so
 * the clerk is warned and can move it into the petitioner's fields; a warning, not a refusal, because a school's own
 * phone number or a case number may look the same.
 */
public final class IdentityInText {

    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])");
    private static final Pattern ID_CARD = Pattern.compile("(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}"
            + "(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])0[1-9][0-9]{1,2}-?[2-9][0-9]{6,7}(?![0-9])");

    private IdentityInText() {
    }

    /** The warnings for one field: what it seems to hold, in Chinese, as the clerk reads it next to the field. */
    public static List<FieldError> warnings(String field, String text) {
        List<FieldError> found = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        String normal = text.replace('－', '-').replace('　', ' ');
        if (ID_CARD.matcher(normal).find()) {
            found.add(new FieldError(field, "疑似含有身份证号码：信访人的身份信息请填在信访人栏（加密保存，部门不可见），勿写入正文"));
        }
        if (MOBILE.matcher(normal).find() || LANDLINE.matcher(normal).find()) {
            found.add(new FieldError(field, "疑似含有电话号码：信访人的联系方式请填在信访人栏（加密保存，部门不可见），勿写入正文"));
        }
        return found;
    }

    /** The warnings of a petition's free text: title, description, place, and every reason on its record. */
    public static List<FieldError> of(Petition p) {
        List<FieldError> all = new ArrayList<>();
        all.addAll(warnings("title", p.title()));
        all.addAll(warnings("description", p.description()));
        all.addAll(warnings("place", p.place()));
        for (int i = 0; i < p.history().size(); i++) {
            all.addAll(warnings("history[" + i + "].reason", p.history().get(i).reason()));
        }
        return all;
    }
}
