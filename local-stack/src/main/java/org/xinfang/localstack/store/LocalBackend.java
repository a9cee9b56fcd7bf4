package org.xinfang.localstack.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * The local store's backend: mongo-java-server's H2 backend, whose databases use the indexes the services declare
 * ({@link IndexedDatabase}), and whose writes are answered only once they are on disk ({@link GroupCommit}) unless
 * the store was opened without syncing.
 */
final class LocalBackend extends H2Backend {

    /** Commands that change what is stored, in lower case (drivers differ in the case of findAndModify). */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "create", "drop", "dropdatabase", "dropindexes", "renamecollection", "aggregate");

    private final GroupCommit commit;

    LocalBackend(MVStore store, boolean syncBeforeReply) {
        super(store);
        this.commit = syncBeforeReply ? new GroupCommit(store) : null;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexedDatabase(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            // Also after a failed command: an ordered insert that failed half-way has applied its first half.
            // An aggregate writes only with $out or $merge; waiting for a sync after any other costs a read one sync.
            if (commit != null && channel != null && isWrite(command, query)) {
                DurableReplies.holdNextReply(channel, commit.applied(), commit);
            }
        }
    }

    private static boolean isWrite(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (!WRITES.contains(name)) {
            return false;
        }
        if (name.equals("aggregate")) {
            Object pipeline = query.get("pipeline");
            return pipeline instanceof Iterable<?> stages && writesOut(stages);
        }
        return true;
    }

    private static boolean writesOut(Iterable<?> stages) {
        for (Object stage : stages) {
            if (stage instanceof Document document && (document.containsKey("$out") || document.containsKey("$merge"))) {
                return true;
            }
        }
        return false;
    }

    /** Writes acknowledged so far and the syncs that covered them; zero when the store does not sync. */
    long writesApplied() {
        return commit == null ? 0 : commit.writes();
    }

    long syncs() {
        return commit == null ? 0 : commit.syncs();
    }

    @Override
    public void close() {
        if (commit != null) {
            commit.close();
        }
        super.close();
    }
}
