package org.xinfang.notification.persistence;

import reactor.core.publisher.Mono;

/** A store whose collection needs indexes. */
interface IndexedStore {

    Mono<Void> createIndexes();
}
