package org.xinfang.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/**
 * The one suite the end-to-end tests of this run share: seven processes on two cores take minutes to start, so the
 * browser tests and the walking skeleton use the same stack rather than one each. Started by whichever test asks
 * first. The test classes are ordered (their {@code @Order}): the desk console's and the bureau console's browser
 * tests, then the walking skeleton last, because its last step is {@code ./stack down}; a test class that needs the
 * suite must come before it. A test run cut short downs the suite on the way out.
 */
final class SharedStack {

    private static LocalStack stack;
    private static boolean stopped;

    private SharedStack() {
    }

    static synchronized LocalStack up() {
        if (stack == null) {
            stack = new LocalStack(Path.of("target/stack"));
            LocalStack.Result up = stack.run("up");
            assertThat(up.exitCode()).as("./stack up failed:\n%s\n%s", up.output(), stack.logTails()).isZero();
            LocalStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                synchronized (SharedStack.class) {
                    if (!stopped) {
                        started.run("down");
                    }
                }
            }, "stack-down"));
        }
        return stack;
    }

    /** {@code ./stack down}, once; the walking skeleton checks what it leaves. */
    static synchronized LocalStack.Result down() {
        stopped = true;
        return stack.run("down");
    }
}
