package org.xinfang.localstack.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A non-unique index: the documents' keys in the index's order (each key ascending or descending as declared), each
 * with the positions of the documents that hold it. {@link IndexedCollection} scans a range of it for an equality on
 * the leading keys, optionally a range on the next, and reads it in order when the query sorts the way the index does.
 *
 * <p>The collection's own lock guards every change; the maps are concurrent so that an index being built while the
 * collection takes writes never fails an iteration.
 */
final class SortedIndex extends Index<Object> {

    /** Bounds of a scan that sort before, or after, every value of a key. */
    private static final Object LOWEST = new Object();
    private static final Object HIGHEST = new Object();

    private final List<IndexKey> keys;
    private final NavigableMap<KeyValue, Set<Object>> entries;
    private final AtomicLong count = new AtomicLong();

    SortedIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.keys = List.copyOf(keys);
        this.entries = new ConcurrentSkipListMap<>(comparator(this.keys));
    }

    List<IndexKey> indexKeys() {
        return keys;
    }

    private static Comparator<KeyValue> comparator(List<IndexKey> keys) {
        return (a, b) -> {
            for (int i = 0; i < keys.size(); i++) {
                Object x = a.get(i);
                Object y = b.get(i);
                if (x == y) {
                    continue;
                }
                if (x == LOWEST || y == HIGHEST) {
                    return -1;
                }
                if (x == HIGHEST || y == LOWEST) {
                    return 1;
                }
                int c = keys.get(i).isAscending() ? ValueComparator.asc().compare(x, y)
                        : ValueComparator.desc().compare(x, y);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    /**
     * The positions of documents whose first {@code equal.size()} keys equal {@code equal} and whose next key lies
     * between {@code lower} and {@code upper} (either null for unbounded; both inclusive, a superset the caller's
     * matcher narrows), in index order or reversed. A position can come more than once when a key is an array.
     */
    Stream<Object> scan(List<Object> equal, Object lower, Object upper, boolean reversed) {
        int next = equal.size();
        List<Object> from = new ArrayList<>(equal);
        List<Object> to = new ArrayList<>(equal);
        if (next < keys.size()) {
            boolean ascending = keys.get(next).isAscending();
            Object first = ascending ? lower : upper;
            Object last = ascending ? upper : lower;
            from.add(first == null ? LOWEST : first);
            to.add(last == null ? HIGHEST : last);
        }
        while (from.size() < keys.size()) {
            from.add(LOWEST);
            to.add(HIGHEST);
        }
        NavigableMap<KeyValue, Set<Object>> range = entries.subMap(new KeyValue(from), true, new KeyValue(to), true);
        if (reversed) {
            range = range.descendingMap();
        }
        return range.values().stream().flatMap(Collection::stream);
    }

    @Override
    public Object getPosition(Document document) {
        // Not unique: a key does not name one document. The collection finds positions through its _id index.
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // Computing the keys refuses a document with two array keys before it is stored, as MongoDB does.
        getKeyValues(document);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        for (KeyValue key : getKeyValues(document)) {
            if (entries.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(position)) {
                count.incrementAndGet();
            }
        }
    }

    @Override
    public Object remove(Document document) {
        Object position = positionOf(document);
        for (KeyValue key : getKeyValues(document)) {
            removeEntry(key, position);
        }
        return position;
    }

    private void removeEntry(KeyValue key, Object position) {
        Set<Object> positions = entries.get(key);
        if (positions != null && positions.remove(position)) {
            count.decrementAndGet();
            if (positions.isEmpty()) {
                entries.remove(key, positions);
            }
        }
    }

    /** In an H2 collection a document's position is its _id as stored. */
    private static Object positionOf(Document document) {
        return document.get("_id");
    }

    @Override
    public boolean canHandle(Document query) {
        // IndexedCollection plans its queries itself; mongo-java-server's own planner must not pick this index.
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("scanned through IndexedCollection");
    }

    @Override
    public long getCount() {
        return count.get();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        getKeyValues(newDocument);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
        Set<KeyValue> before = getKeyValues(oldDocument);
        Set<KeyValue> after = getKeyValues(newDocument);
        for (KeyValue key : before) {
            if (!after.contains(key)) {
                removeEntry(key, position);
            }
        }
        for (KeyValue key : after) {
            if (!before.contains(key)
                    && entries.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(position)) {
                count.incrementAndGet();
            }
        }
    }

    @Override
    public void drop() {
        entries.clear();
        count.set(0);
    }
}
