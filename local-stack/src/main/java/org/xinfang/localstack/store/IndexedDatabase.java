package org.xinfang.localstack.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * An H2 database whose collections answer queries through their indexes ({@link IndexedCollection}) and whose
 * non-unique indexes exist ({@link SortedIndex}); mongo-java-server itself keeps only unique ones and ignores the rest.
 * The data stays in the maps, and under the names, that mongo-java-server's H2 backend gives them, so a store file
 * written before reads the same.
 */
final class IndexedDatabase extends H2Database {

    /** The names H2Database gives a collection's maps: its documents and its metadata. */
    private static final String DATA_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";

    private final MVStore store;

    IndexedDatabase(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
        // The superclass opens the existing collections from its constructor, before this class has its store:
        // that first call is skipped (below) and made here.
        super.initializeNamespacesAndIndexes();
    }

    @Override
    protected void initializeNamespacesAndIndexes() {
        if (store != null) {
            super.initializeNamespacesAndIndexes();
        }
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = store.openMap(DATA_PREFIX + fullName);
        MVMap<String, Object> meta = store.openMap(META_PREFIX + fullName);
        return new IndexedCollection(this, collectionName, options, data, meta, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                       boolean sparse) {
        // Kept in memory and built from the documents when the collection opens: it can never disagree with the
        // data after a crash, and at 100,000 documents it builds in about a second.
        return new SortedIndex(indexName, keys, sparse);
    }
}
