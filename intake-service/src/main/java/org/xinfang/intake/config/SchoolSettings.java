package org.xinfang.intake.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The district's schools with the names people use for them ({@code xinfang.intake.schools}); a deployment lists
 * its own. Petition numbers begin with {@code short-name}, alerts and letters carry {@code name}.
 */
@ConfigurationProperties("xinfang.intake")
record SchoolSettings(@DefaultValue List<Entry> schools) {

    record Entry(String id, String district, String name, String shortName) {
    }
}
