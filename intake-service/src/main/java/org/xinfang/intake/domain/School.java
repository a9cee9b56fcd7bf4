package org.xinfang.intake.domain;

/**
 * A school of the district as people name it: its full name for letters and alerts, and the short name (简称) that
 * opens its petition numbers.
 */
public record School(String id, String district, String name, String shortName) {

    /**
     * A school the directory does not list still gets a number and a name: its id, so that nothing is refused at
     * the gate because the directory is behind. The directory should list every school; its absence shows in texts.
     */
    public static School unlisted(String district, String id) {
        return new School(id, district, id, id);
    }
}
