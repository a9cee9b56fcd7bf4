package org.xinfang.intake.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the petitions are stored: {@code MONGO_URI} and {@code MONGO_DATABASE}. */
@ConfigurationProperties("xinfang.mongo")
record MongoSettings(String uri, String database, @DefaultValue("10s") Duration readTimeout) {
}
