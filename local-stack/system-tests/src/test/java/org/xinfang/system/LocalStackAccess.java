package org.xinfang.system;

import java.util.Map;

/**
 * The local stack for tests in other packages: the run's shared stack, which the walking skeleton downs. With
 * {@code -Dxinfang.stack.gateway-port=P -Dxinfang.stack.issuer-port=Q} a test uses a stack already running there
 * (started by hand with {@code ./stack up}).
 */
public final class LocalStackAccess {

    private final LocalStack stack;
    private final Map<String, String> running;

    private LocalStackAccess(LocalStack stack, Map<String, String> running) {
        this.stack = stack;
        this.running = running;
    }

    /** The run's shared stack ({@link SharedStack}), or the one running on the ports given. */
    public static LocalStackAccess sharedUnlessRunning() {
        String gateway = System.getProperty("xinfang.stack.gateway-port");
        String issuer = System.getProperty("xinfang.stack.issuer-port");
        if (gateway != null && issuer != null) {
            return new LocalStackAccess(null, Map.of("GATEWAY_PORT", gateway, "ISSUER_PORT", issuer));
        }
        return new LocalStackAccess(SharedStack.up(), null);
    }

    public String port(String name) {
        return running != null ? running.get(name) : stack.port(name);
    }
}
