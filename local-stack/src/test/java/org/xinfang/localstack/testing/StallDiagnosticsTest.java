package org.xinfang.localstack.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ServiceLoader;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.Extension;

class StallDiagnosticsTest {

    @Test
    void aTimeoutAnywhereInTheCauseChainCounts() {
        Throwable blockingRead = new IllegalStateException("Timeout on blocking read", new TimeoutException("20 s"));
        assertThat(StallDiagnostics.isTimeout(new AssertionError("request failed", blockingRead))).isTrue();
        assertThat(StallDiagnostics.isTimeout(new AssertionError("expected 201 but was 500"))).isFalse();
    }

    @Test
    void theFailureIsReportedUnchanged() {
        AssertionError failure = new AssertionError("expected 201 but was 500");
        assertThatThrownBy(() -> new StallDiagnostics().handleTestExecutionException(null, failure)).isSameAs(failure);
    }

    @Test
    void theDumpShowsEveryThreadsWholeStack() {
        String dump = StallDiagnostics.threadDump("a stall");
        assertThat(dump).contains("==== threads when a stall ====", "\"" + Thread.currentThread().getName() + "\"",
                "theDumpShowsEveryThreadsWholeStack", "\"Reference Handler\"");
    }

    @Test
    void everyTestJvmFindsIt() {
        assertThat(ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::type))
                .contains(StallDiagnostics.class);
    }
}
