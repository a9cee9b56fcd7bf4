package org.xinfang.localstack.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test fails because something did not answer in time, prints every thread of the test JVM (the service under
 * test, the embedded store and the test itself run in it) before the failure is reported. A stall seen once on a
 * loaded build machine cannot be reproduced at will; the dump says who was waiting on what while it happened.
 * Registered for every test by service loading (junit.jupiter.extensions.autodetection.enabled in the root pom).
 */
public final class StallDiagnostics implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (isTimeout(failure)) {
            System.out.println(threadDump(context.getRequiredTestClass().getSimpleName() + " "
                    + context.getDisplayName() + " timed out"));
        }
        throw failure;
    }

    static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static String threadDump(String title) {
        StringBuilder dump = new StringBuilder("\n==== threads when ").append(title).append(" ====\n");
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append(describe(thread));
        }
        return dump.append("==== end of threads ====\n").toString();
    }

    /** ThreadInfo.toString stops after eight frames; a stall needs the whole stack. */
    private static String describe(ThreadInfo thread) {
        StringBuilder text = new StringBuilder("\"").append(thread.getThreadName()).append("\" ")
                .append(thread.getThreadState());
        if (thread.getLockName() != null) {
            text.append(" on ").append(thread.getLockName());
        }
        if (thread.getLockOwnerName() != null) {
            text.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
        }
        text.append('\n');
        for (StackTraceElement frame : thread.getStackTrace()) {
            text.append("\tat ").append(frame).append('\n');
        }
        return text.append('\n').toString();
    }
}
