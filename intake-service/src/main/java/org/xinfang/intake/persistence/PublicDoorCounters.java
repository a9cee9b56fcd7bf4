package org.xinfang.intake.persistence;

/**
 * The public door's two counters with their limits: wrong query codes per address (then the address is locked out
 * until the window ends) and submissions per school (then the school's door waits for the next window).
 */
public record PublicDoorCounters(WindowCounters wrongCodes, int wrongCodesAllowed, WindowCounters submissions,
                                 int submissionsPerSchool) {
}
