package org.xinfang.intake.web;

import java.util.List;

/** A page of a list; {@code nextCursor} is null on the last page. */
record PetitionPage(List<PetitionSummary> items, String nextCursor) {
}
