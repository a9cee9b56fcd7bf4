package org.xinfang.contracts.event;

import java.time.Instant;

/** A petition past a legal limit, named by id and department only: never who filed it. */
public record OverduePetition(String petitionId, String school, String department, String limit, Instant dueAt) {

    public OverduePetition {
        Required.text(petitionId, "overdue.petitionId");
        Required.text(school, "overdue.school");
        Required.text(department, "overdue.department");
        Required.text(limit, "overdue.limit");
        Required.present(dueAt, "overdue.dueAt");
    }
}
