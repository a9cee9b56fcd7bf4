package org.xinfang.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.localstack.store.LocalStore;

/**
 * A MongoDB wire-protocol server (mongo-java-server) whose H2 backend keeps the data in one file. A write is answered
 * only once it is on disk (group commit: writes that arrive together share one sync), so a store killed at any moment
 * keeps every write it acknowledged; queries use {@code _id} and the indexes the services declare ({@link LocalStore}).
 * It has no transactions: the services are designed around single-document atomic writes.
 *
 * <p>Arguments: {@code --port 27017 --data DIR [--oplog] [--no-sync] [--exit-with-parent]}. The oplog (what change
 * streams read) is off unless asked for: no service reads it, and it writes every document a second time, which
 * profiles put at 30–40% of this server's CPU under load; benchmarks that count writes turn it on. {@code --no-sync}
 * answers writes before they are on disk, as the store did before, only to measure what syncing costs: a kill then
 * loses what was acknowledged in the last second or so.
 */
public final class MongoWireStore {

    private static final Logger log = LoggerFactory.getLogger(MongoWireStore.class);

    private MongoWireStore() {
    }

    public static void main(String[] args) throws Exception {
        LaunchArguments arguments = LaunchArguments.parse(args);
        int port = arguments.intValue("--port", 27017);
        Path data = arguments.path("--data", Path.of(".stack/data/mongo"));
        if (arguments.flag("--exit-with-parent")) {
            ParentWatch.exitWhenParentGoes();
        }
        Files.createDirectories(data);
        boolean sync = !arguments.flag("--no-sync");
        LocalStore store = LocalStore.open(data.resolve("store.mv"), sync);
        if (arguments.flag("--oplog")) {
            store.withOplog();
        }
        store.bind("127.0.0.1", port);
        log.info("MongoDB wire server listening on 127.0.0.1:{} with data in {}{}", port, data.toAbsolutePath(),
                sync ? "" : "; writes are answered before they are on disk (--no-sync)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            log.info("store closed: {}", store.syncFigures());
            stopped.countDown();
        }, "mongo-wire-shutdown"));
        stopped.await();
    }
}
