package org.xinfang.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** The largest request body the gateway lets through to a service. */
@ConfigurationProperties("xinfang.gateway.body")
public record BodyLimitSettings(@DefaultValue("256KB") DataSize maxSize) {
}
