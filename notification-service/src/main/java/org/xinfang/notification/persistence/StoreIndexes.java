package org.xinfang.notification.persistence;

import java.util.List;
import org.springframework.stereotype.Component;
import org.xinfang.kit.store.IndexDeclaration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every collection's indexes, made by the kit's {@code IndexCreation} before the service reports ready (and again
 * while the store is away at start); creating an index that exists is a no-op.
 */
@Component
public class StoreIndexes implements IndexDeclaration {

    private final List<IndexedStore> stores;

    StoreIndexes(List<IndexedStore> stores) {
        this.stores = stores;
    }

    @Override
    public Mono<Void> ensureIndexes() {
        return Flux.fromIterable(stores).concatMap(IndexedStore::createIndexes).then();
    }
}
