package org.xinfang.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server (mongo-java-server) whose H2 backend keeps the data in one file, so a restart keeps
 * every document. It has no transactions: the services are designed around single-document atomic writes.
 *
 * <p>Arguments: {@code --port 27017 --data DIR [--oplog] [--exit-with-parent]}. The oplog (what change streams read)
 * is off unless asked for: no service reads it, and it writes every document a second time, which profiles put at
 * 30–40% of this server's CPU under load; benchmarks that count writes turn it on.
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
        H2Backend backend = new H2Backend(data.resolve("store.mv").toAbsolutePath().toString());
        // The reactive driver 5.x needs wire version 8 or later.
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        if (arguments.flag("--oplog")) {
            server.enableOplog();
        }
        server.bind("127.0.0.1", port);
        log.info("MongoDB wire server listening on 127.0.0.1:{} with data in {}", port, data.toAbsolutePath());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Flush H2 before the process goes, so what was acknowledged is on disk.
            server.shutdown();
            backend.commit();
            backend.close();
            stopped.countDown();
        }, "mongo-wire-shutdown"));
        stopped.await();
    }
}
