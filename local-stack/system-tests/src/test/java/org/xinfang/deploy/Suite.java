package org.xinfang.deploy;

import java.util.List;

/** The suite's deployable services as docs/architecture.md lists them: name, HTTP port, database (or none). */
record Suite(String name, int port, String database) {

    static final int MANAGEMENT_PORT = 9090;

    /** The brokers' TLS listener, the only one clients have. */
    static final int KAFKA_PORT = 9093;

    static final List<Suite> SERVICES = List.of(
            new Suite("gateway", 8080, null),
            new Suite("intake-service", 8081, "intake"),
            new Suite("routing-service", 8082, "routing"),
            new Suite("notification-service", 8083, "notification"),
            new Suite("reporting-service", 8084, "reporting"));

    boolean isGateway() {
        return name.equals("gateway");
    }

    /** The gateway's environment variable that holds this service's URL: INTAKE_URL for intake-service, ... */
    String urlVariable() {
        return name.substring(0, name.indexOf('-')).toUpperCase() + "_URL";
    }

    @Override
    public String toString() {
        return name;
    }
}
