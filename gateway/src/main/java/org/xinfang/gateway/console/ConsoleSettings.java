package org.xinfang.gateway.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param signOutUri the OpenID provider's end-session endpoint, where a signed-out person is sent to end the
 *                   provider's own session too; empty to sign out of the console only
 */
@ConfigurationProperties("xinfang.console")
public record ConsoleSettings(@DefaultValue("") String signOutUri) {
}
