package org.xinfang.kit.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/**
 * Creates every declared index ({@link IndexDeclaration}) once the context is built, and tries again with backoff
 * (1 s doubling to 15 s, without end) while the store is away. A service that starts before its store therefore comes
 * up, says it is not ready (the {@code store} health is down until the indexes exist) and becomes ready by itself,
 * instead of failing its start and being restarted in a loop, or running on without the unique indexes that make a
 * repeated write a no-op.
 */
public class IndexCreation implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IndexCreation.class);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

    private final ObjectProvider<IndexDeclaration> declarations;
    private final AtomicBoolean created = new AtomicBoolean();
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile Disposable running;

    public IndexCreation(ObjectProvider<IndexDeclaration> declarations) {
        this.declarations = declarations;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<IndexDeclaration> all = declarations.orderedStream().toList();
        running = Flux.fromIterable(all)
                .concatMap(IndexDeclaration::ensureIndexes)
                .then()
                .timeout(ATTEMPT_TIMEOUT)
                .doOnError(e -> {
                    if (warned.compareAndSet(false, true)) {
                        log.warn("indexes not created yet, retrying until the store answers: {}", e.toString());
                    }
                })
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(15)))
                .subscribe(null, e -> log.error("index creation stopped", e), () -> {
                    created.set(true);
                    log.info("indexes of {} store(s) in place", all.size());
                });
    }

    /** Whether every declared index exists; until then the service is not ready. */
    public boolean done() {
        return created.get();
    }

    @Override
    public void destroy() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
    }
}
