package org.xinfang.routing.domain;

import java.util.List;

/** Who handles a subject: the lead department and the departments that handle it with it (e.g. 教导处 with 校办). */
public record Assignment(String department, List<String> coDepartments) {

    public Assignment {
        coDepartments = coDepartments == null ? List.of() : List.copyOf(coDepartments);
    }

    static Assignment of(String department, String... coDepartments) {
        return new Assignment(department, List.of(coDepartments));
    }
}
