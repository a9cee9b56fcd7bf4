package org.xinfang.localstack;

import java.io.IOException;

/**
 * For a broker or store started by a test JVM: when the parent dies its end of our stdin closes, and we exit,
 * so a killed test run leaves no process behind.
 */
final class ParentWatch {

    private ParentWatch() {
    }

    static void exitWhenParentGoes() {
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // keep reading until end of stream
                }
            } catch (IOException ignored) {
                // a broken pipe means the same as end of stream
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
