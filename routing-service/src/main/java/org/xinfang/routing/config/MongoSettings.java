package org.xinfang.routing.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where routing keeps its decisions and rule sets ({@code MONGO_URI}, {@code MONGO_DATABASE}). */
@ConfigurationProperties("xinfang.mongo")
record MongoSettings(String uri, String database) {
}
