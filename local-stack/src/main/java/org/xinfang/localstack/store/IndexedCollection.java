package org.xinfang.localstack.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection that reads through its indexes. mongo-java-server uses an index only when a query names exactly
 * that index's fields, and has no non-unique indexes, so {@code {_id, state}} and every filtered query of the
 * services scanned the whole collection. Here a query goes, in this order, to the documents its {@code _id} names, to
 * the one a unique index names, or to a range of a {@link SortedIndex} (equality on the leading keys, a range on the
 * next), read in index order when that is the order asked for so that a limit stops the scan. The full query is
 * always applied to what the index yields, so an index only ever narrows what is read, never what matches.
 */
final class IndexedCollection extends H2Collection {

    /** Queries (finds, updates, deletes, counts) that read every document: what an index should have saved. */
    private final AtomicLong fullScans = new AtomicLong();

    IndexedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                      MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, data, meta, cursorRegistry);
    }

    long fullScans() {
        return fullScans.get();
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                                         int batchSize, Document fieldSelector) {
        fullScans.incrementAndGet();
        return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Conditions conditions = Conditions.of(query);
        if (conditions.isEmpty()) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Index<Object> unique = uniqueIndexFor(conditions);
        if (unique != null) {
            Iterable<Object> positions = unique.getPositions(conditions.lookup(unique));
            return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Scan best = null;
        for (Index<Object> index : getIndexes()) {
            if (index instanceof SortedIndex sorted) {
                Scan scan = Scan.plan(sorted, conditions, orderBy);
                if (scan != null && (best == null || scan.betterThan(best))) {
                    best = scan;
                }
            }
        }
        if (best == null) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Stream<Document> documents = best.positions().distinct().map(this::getDocument).filter(Objects::nonNull);
        if (best.ordered()) {
            return matchDocumentsFromStream(query, documents, numberToSkip, limit, batchSize, null, fieldSelector);
        }
        return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The _id index, or another unique one, when the query gives every one of its keys a single value or a list. */
    private Index<Object> uniqueIndexFor(Conditions conditions) {
        Index<Object> found = null;
        for (Index<Object> index : getIndexes()) {
            if (index.isUnique() && conditions.pinsAll(index.getKeys())) {
                boolean isId = index.getKeys().size() == 1 && index.getKeys().get(0).getKey().equals("_id");
                if (isId) {
                    return index;
                }
                if (found == null && conditions.equalsAll(index.getKeys())) {
                    found = index;
                }
            }
        }
        return found;
    }

    /** One way to read a sorted index for a query, and how much of the index it leaves unread. */
    private record Scan(SortedIndex index, List<Object> equal, List<?> oneOf, Object lower, Object upper,
                        boolean bounded, boolean ordered, boolean reversed) {

        /**
         * Equality on as many leading keys as the query pins, then either a list of values ({@code $in}) or a range
         * on the next key; or, failing both, the index's order when the query sorts that way.
         */
        static Scan plan(SortedIndex index, Conditions conditions, Document orderBy) {
            List<IndexKey> keys = index.indexKeys();
            List<Object> equal = new ArrayList<>();
            while (equal.size() < keys.size() && conditions.hasEquality(keys.get(equal.size()).getKey())) {
                equal.add(conditions.equality(keys.get(equal.size()).getKey()));
            }
            int next = equal.size();
            List<?> oneOf = next < keys.size() ? conditions.list(keys.get(next).getKey()) : null;
            if (oneOf != null) {
                next++;
            }
            Object lower = null;
            Object upper = null;
            boolean bounded = false;
            if (next < keys.size()) {
                Conditions.Range range = conditions.range(keys.get(next).getKey());
                if (range != null) {
                    lower = range.lower();
                    upper = range.upper();
                    bounded = true;
                }
            }
            // Runs of several listed values, each in order, are not in order together.
            int direction = oneOf != null && oneOf.size() > 1 ? 0 : sortDirection(keys, next, orderBy);
            boolean sortsAsAsked = orderBy != null && !orderBy.isEmpty() && direction != 0;
            if (equal.isEmpty() && oneOf == null && !bounded && !sortsAsAsked) {
                return null;
            }
            return new Scan(index, equal, oneOf, lower, upper, bounded, direction != 0, direction < 0);
        }

        /**
         * 1 when reading the index forwards yields the order asked for (or none was asked for), -1 when reading it
         * backwards does, 0 when neither does: the sort fields must be the index's keys that follow the equalities.
         */
        private static int sortDirection(List<IndexKey> keys, int from, Document orderBy) {
            if (orderBy == null || orderBy.isEmpty()) {
                return 1;
            }
            int direction = 0;
            int i = from;
            for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
                if (i >= keys.size() || !keys.get(i).getKey().equals(sort.getKey())
                        || !(sort.getValue() instanceof Number number)) {
                    return 0;
                }
                int asked = number.intValue() < 0 ? -1 : 1;
                int here = keys.get(i).isAscending() == (asked > 0) ? 1 : -1;
                if (direction != 0 && here != direction) {
                    return 0;
                }
                direction = here;
                i++;
            }
            return direction;
        }

        Stream<Object> positions() {
            if (oneOf == null) {
                return index.scan(equal, lower, upper, reversed);
            }
            return oneOf.stream().flatMap(value -> {
                List<Object> prefix = new ArrayList<>(equal);
                prefix.add(value);
                return index.scan(prefix, lower, upper, reversed);
            });
        }

        private int pinned() {
            return equal.size() + (oneOf == null ? 0 : 1);
        }

        boolean betterThan(Scan other) {
            if (pinned() != other.pinned()) {
                return pinned() > other.pinned();
            }
            if (bounded != other.bounded) {
                return bounded;
            }
            return ordered && !other.ordered;
        }
    }
}
