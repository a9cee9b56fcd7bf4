package org.xinfang.routing.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where routing keeps its decisions and rule sets ({@code MONGO_URI}, {@code MONGO_DATABASE}). */
@ConfigurationProperties("xinfang.mongo")
record MongoSettings(String uri, String database, @DefaultValue("10s") Duration readTimeout) {
}
