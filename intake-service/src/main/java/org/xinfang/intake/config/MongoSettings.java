package org.xinfang.intake.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the petitions are stored: {@code MONGO_URI} and {@code MONGO_DATABASE}. */
@ConfigurationProperties("xinfang.mongo")
record MongoSettings(String uri, String database) {
}
