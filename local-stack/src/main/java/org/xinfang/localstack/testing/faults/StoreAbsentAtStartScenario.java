package org.xinfang.localstack.testing.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xinfang.localstack.testing.Infrastructure;
import org.xinfang.localstack.testing.TcpFront;
import reactor.core.publisher.Flux;

/**
 * What every service must do when it starts before its store: it starts (no failed start, no restart loop), is alive
 * but not ready, answers a read of the store 503 problem+json with Retry-After, and once the store answers becomes
 * ready by itself, with the indexes its stores declare in place.
 *
 * <p>A service's test extends this and starts the service on a random port (its own Spring test annotation); the
 * scenario sets {@code xinfang.mongo.uri} to {@link #storeUriThroughFront()}, which refuses every connection until
 * the scenario lets it through, and closes the context after the class.
 */
public abstract class StoreAbsentAtStartScenario extends ServiceScenario {

    private static final TcpFront STORE = TcpFront.before(Infrastructure.shared().mongoUri());

    /** The service's database, where its indexes are looked for. */
    @Value("${xinfang.mongo.database}")
    private String database;

    @DynamicPropertySource
    static void storeThroughFront(DynamicPropertyRegistry registry) {
        registry.add("xinfang.mongo.uri", StoreAbsentAtStartScenario::storeUriThroughFront);
    }

    /** The store as the service under test must reach it: refused at first, through the front this scenario controls. */
    public static String storeUriThroughFront() {
        STORE.refuse();
        return STORE.address(Infrastructure.shared().mongoUri());
    }

    @AfterAll
    static void closeStore() {
        STORE.close();
    }

    /** A collection of the service and the name of an index it declares there. */
    protected abstract String collection();

    protected abstract String index();

    /** 200 for a list, 404 for a record that does not exist. */
    protected int healthyStatus() {
        return 200;
    }

    @Test
    void aServiceStartedWithoutItsStoreIsNotReadyAndBecomesReadyByItself() {
        ServiceProbe call = probe();
        assertThat(call.open("/actuator/health/liveness").send().statusCode()).isEqualTo(200);
        assertThat(call.open("/actuator/health/readiness").send().statusCode()).isEqualTo(503);
        Answers.unavailable(call.send());

        STORE.forward();
        Answers.awaitStatus(() -> call.open("/actuator/health/readiness").send(), 200, Duration.ofSeconds(60));
        assertThat(call.send().statusCode()).isEqualTo(healthyStatus());
        try (MongoClient client = MongoClients.create(Infrastructure.shared().mongoUri())) {
            List<String> names = Flux.from(client.getDatabase(database).getCollection(collection()).listIndexes())
                    .map(d -> d.getString("name")).collectList().block(Duration.ofSeconds(10));
            assertThat(names).as("indexes of %s", collection()).contains(index());
        }
    }
}
