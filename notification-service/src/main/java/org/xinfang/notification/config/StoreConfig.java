package org.xinfang.notification.config;

import java.time.Duration;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinfang.notification.persistence.StoreIndexes;

/** The indexes of notification's collections, made before the first alert (the client is the kit's {@code ServiceStore}). */
@Configuration(proxyBeanMethods = false)
class StoreConfig {

    @Bean
    ApplicationRunner createIndexes(StoreIndexes indexes) {
        return args -> indexes.create().block(Duration.ofSeconds(30));
    }
}
