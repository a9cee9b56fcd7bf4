package org.xinfang.intake.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The schools intake knows by name, keyed by district and id. */
public final class SchoolDirectory {

    private final Map<String, School> schools = new HashMap<>();

    /**
     * @throws InvalidSettingsException when a school lacks a field, is listed twice, or two schools of a district share
     *                                  a short name (their petition numbers would collide)
     */
    public SchoolDirectory(List<School> listed) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> shortNames = new HashSet<>();
        for (int i = 0; i < listed.size(); i++) {
            School s = listed.get(i);
            String at = "xinfang.intake.schools[" + i + "]";
            if (blank(s.id()) || blank(s.district()) || blank(s.name()) || blank(s.shortName())) {
                errors.add(new FieldError(at, "每所学校须有 id、district、name 和 short-name"));
                continue;
            }
            if (schools.putIfAbsent(key(s.district(), s.id()), s) != null) {
                errors.add(new FieldError(at + ".id", "学校 " + s.id() + " 重复列出"));
            }
            if (!shortNames.add(s.district() + "/" + s.shortName())) {
                errors.add(new FieldError(at + ".short-name", "简称「" + s.shortName() + "」与同区另一所学校重复，信访编号会冲突"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSettingsException(errors);
        }
    }

    public School school(String district, String id) {
        School listed = schools.get(key(district, id));
        return listed != null ? listed : School.unlisted(district, id);
    }

    /** A school the directory lists; the public door takes petitions for these only. */
    public Optional<School> listed(String district, String id) {
        return Optional.ofNullable(schools.get(key(district, id)));
    }

    private static String key(String district, String id) {
        return district + "/" + id;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
