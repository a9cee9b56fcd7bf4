package org.xinfang.notification.persistence;

import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Creates every collection's indexes at start; creating an index that exists is a no-op. */
@Component
public class StoreIndexes {

    private final List<IndexedStore> stores;

    StoreIndexes(List<IndexedStore> stores) {
        this.stores = stores;
    }

    public Mono<Void> create() {
        return Flux.fromIterable(stores).concatMap(IndexedStore::createIndexes).then();
    }
}
