package dev.accountconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientWarmUpTest {
    @Test
    void runsTheRequestPathWithoutTheNetwork() {
        // It builds a signed call to 127.0.0.1 and decodes a canned answer; the call is never executed.
        assertThatCode(() -> assertTimeoutPreemptively(Duration.ofSeconds(10), ClientWarmUp::run))
                .doesNotThrowAnyException();
    }

    @Test
    void requestIdsAreVersionFourUuidsWithoutDashes() {
        for (int i = 0; i < 100; i++) {
            assertThat(GatewayClient.newId()).matches("[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}");
        }
    }
}
