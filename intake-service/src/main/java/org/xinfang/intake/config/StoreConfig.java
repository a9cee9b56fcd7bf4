package org.xinfang.intake.config;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.intake.persistence.GateRegister;
import org.xinfang.intake.persistence.IdentityCipher;
import org.xinfang.intake.persistence.PetitionStore;

/** Intake's collections in its database (the client and its timeouts are the kit's {@code ServiceStore}). */
@Configuration(proxyBeanMethods = false)
class StoreConfig {

    @Bean
    IdentityCipher identityCipher(IdentityKeySettings keys) {
        return new IdentityCipher(keys.current(), keys.keys());
    }

    @Bean
    PetitionStore petitionStore(MongoDatabase database, IdentityCipher cipher) {
        PetitionStore store = new PetitionStore(database.getCollection("petitions", Document.class), cipher);
        // Indexes are created at start; a store that is down then is retried by the first write, not fatal here.
        store.ensureIndexes().timeout(Duration.ofSeconds(10)).onErrorComplete().subscribe();
        return store;
    }

    @Bean
    GateRegister gateRegister(MongoDatabase database, IdentityCipher cipher) {
        return new GateRegister(database.getCollection("gate_entries", Document.class), cipher);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
