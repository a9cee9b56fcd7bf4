package org.xinfang.kit.store;

import reactor.core.publisher.Mono;

/**
 * A store whose collection needs indexes: unique ones that keep a write from happening twice, and the ones its
 * queries read through. Every bean of this type is handed to {@link IndexCreation}, which creates them at start and
 * keeps trying while the store is away; creating an index that exists is a no-op.
 */
public interface IndexDeclaration {

    Mono<Void> ensureIndexes();
}
