package org.xinfang.localstack.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * The local stack's MongoDB wire-protocol store: mongo-java-server over one H2 file, taught to use {@code _id} and the
 * indexes the services declare so that a query's cost does not grow with the collection, and that (unless opened with
 * {@code syncBeforeReply} false) answers a write only once it is on disk, so that a store killed at any moment keeps
 * every write it acknowledged. Used by {@code ./stack} ({@link org.xinfang.localstack.MongoWireStore}) and by the
 * services' integration tests.
 */
public final class LocalStore implements AutoCloseable {

    private final LocalBackend backend;
    private final MongoServer server;

    private LocalStore(LocalBackend backend) {
        this.backend = backend;
        this.server = new MongoServer(backend);
    }

    /** Opens (or creates) the store file; nothing listens until {@link #bind}. */
    public static LocalStore open(Path file, boolean syncBeforeReply) {
        MVStore store = new MVStore.Builder().fileName(file.toAbsolutePath().toString()).open();
        LocalBackend backend = new LocalBackend(store, syncBeforeReply);
        // The reactive driver 5.x needs wire version 8 or later.
        backend.version(ServerVersion.MONGO_5_0);
        return new LocalStore(backend);
    }

    /** Keeps an oplog, which change streams read; no service needs one, and it writes every document twice. */
    public LocalStore withOplog() {
        server.enableOplog();
        return this;
    }

    public LocalStore bind(String host, int port) {
        server.bind(host, port);
        return this;
    }

    /** Writes applied and the syncs that made them durable, since the store opened (zero when it does not sync). */
    public String syncFigures() {
        return backend.writesApplied() + " writes in " + backend.syncs() + " syncs";
    }

    /**
     * How many queries of a collection had to read all of its documents since the store opened: the ones no
     * {@code _id}, unique index or declared index could narrow. Zero for a collection not opened yet.
     */
    public long fullScans(String database, String collection) {
        if (backend.resolveDatabase(database).resolveCollection(collection, false) instanceof IndexedCollection c) {
            return c.fullScans();
        }
        return 0;
    }

    /** Closes every connection, syncs what was written and closes the file. */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
