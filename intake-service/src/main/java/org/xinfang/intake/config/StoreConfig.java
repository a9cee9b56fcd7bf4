package org.xinfang.intake.config;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.xinfang.kit.config.DevelopmentValues;
import org.xinfang.intake.persistence.GateRegister;
import org.xinfang.intake.persistence.HistorySeal;
import org.xinfang.intake.persistence.IdentityCipher;
import org.xinfang.intake.domain.School;
import org.xinfang.intake.domain.SchoolDirectory;
import org.xinfang.intake.persistence.PetitionNumbers;
import org.xinfang.intake.persistence.PetitionStore;

/** Intake's collections in its database (the client and its timeouts are the kit's {@code ServiceStore}). */
@Configuration(proxyBeanMethods = false)
class StoreConfig {

    /** The identity key published in the repository for the local stack: never a key in the cluster. */
    static final String DEVELOPMENT_KEY = "ZGV2LW9ubHktaWRlbnRpdHkta2V5LTMyLWJ5dGVzISE=";

    /** The history key published in the repository for the local stack: never a key in the cluster. */
    static final String DEVELOPMENT_HISTORY_KEY = "ZGV2LW9ubHktaGlzdG9yeS1zZWFsLWtleS0zMi1ieXRlcyE=";

    @Bean
    IdentityCipher identityCipher(IdentityKeySettings keys, Environment environment) {
        return new IdentityCipher(keys.current(), usableKeys(environment, "XINFANG_INTAKE_IDENTITYKEYS_KEYS_",
                keys.current(), keys.keys(), DEVELOPMENT_KEY, 24));
    }

    @Bean
    HistorySeal historySeal(HistoryKeySettings keys, Environment environment) {
        return new HistorySeal(keys.current(), usableKeys(environment, "XINFANG_INTAKE_HISTORYKEYS_KEYS_",
                keys.current(), keys.keys(), DEVELOPMENT_HISTORY_KEY, 44));
    }

    /**
     * A local key stands in application.yml and so in every profile's key map: in the cluster it is dropped, and a
     * current key that is missing or is the published one stops the start.
     */
    private static Map<String, String> usableKeys(Environment environment, String variablePrefix, String current,
                                                  Map<String, String> keys, String developmentKey, int minimumLength) {
        Map<String, String> usable = new LinkedHashMap<>(keys);
        if (DevelopmentValues.inCluster(environment)) {
            String value = usable.get(current);
            usable.values().removeIf(developmentKey::equals);
            DevelopmentValues.refuseInCluster(environment, variablePrefix + current, value, Set.of(developmentKey),
                    minimumLength);
        }
        return usable;
    }

    @Bean
    PetitionStore petitionStore(MongoDatabase database, IdentityCipher cipher, HistorySeal seal) {
        // Its indexes are the kit's IndexCreation's to make, retried while the store is away.
        return new PetitionStore(database.getCollection("petitions", Document.class), cipher, seal);
    }

    @Bean
    PetitionNumbers petitionNumbers(MongoDatabase database) {
        return new PetitionNumbers(database.getCollection("petition_numbers", Document.class));
    }

    @Bean
    SchoolDirectory schoolDirectory(SchoolSettings settings) {
        // A wrong directory stops the start, naming the entry, as an administrator's wrong input is refused.
        return new SchoolDirectory(settings.schools().stream()
                .map(e -> new School(e.id(), e.district(), e.name(), e.shortName())).toList());
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
