package org.xinfang.kit.config;

import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The development secrets published in the repository (the local identity key, the local webhook secret) must never
 * protect anything in a cluster. Under the {@code kubernetes} profile a service refuses to start when one of them, or
 * nothing, or something too short to be a secret, is configured; locally they are what makes the suite start with no
 * setup.
 */
public final class DevelopmentValues {

    /** The profile every manifest in deploy/ runs the services under. */
    public static final String CLUSTER_PROFILE = "kubernetes";

    private DevelopmentValues() {
    }

    public static boolean inCluster(Environment environment) {
        return environment.acceptsProfiles(Profiles.of(CLUSTER_PROFILE));
    }

    /**
     * @param what        the setting as an operator sets it (the environment variable), for the message
     * @param development the values published in the repository
     * @throws IllegalStateException in the cluster, when the value is missing, published or shorter than
     *                               {@code minimumLength}
     */
    public static void refuseInCluster(Environment environment, String what, String value, Set<String> development,
                                       int minimumLength) {
        if (!inCluster(environment)) {
            return;
        }
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(what + " is not set: the " + CLUSTER_PROFILE + " profile has no default");
        }
        if (development.contains(value)) {
            throw new IllegalStateException(what + " is the development value published in the repository: "
                    + "set a secret of its own (docs/operations.md)");
        }
        if (value.length() < minimumLength) {
            throw new IllegalStateException(what + " is " + value.length() + " characters long: a secret needs at least "
                    + minimumLength);
        }
    }
}
