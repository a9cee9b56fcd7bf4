package org.xinfang.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleEncodingTest {

    @Test
    void gzipIsSentOnlyWhereTheBrowserTakesIt() {
        assertThat(ConsolePages.acceptsGzip(List.of("gzip, deflate, br, zstd"))).isTrue();
        assertThat(ConsolePages.acceptsGzip(List.of("br", "GZIP;q=0.8"))).isTrue();
        assertThat(ConsolePages.acceptsGzip(List.of("gzip;q=0"))).isFalse();
        assertThat(ConsolePages.acceptsGzip(List.of("gzip; q=0.0, br"))).isFalse();
        assertThat(ConsolePages.acceptsGzip(List.of("identity"))).isFalse();
        assertThat(ConsolePages.acceptsGzip(List.of())).isFalse();
    }
}
