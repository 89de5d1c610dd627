package dev.accountconsole.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accountconsole.account.AccountService;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.api.Cancellation;
import dev.accountconsole.api.GatewayClient;
import dev.accountconsole.api.Json;
import dev.accountconsole.api.TransportException;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Latency, 503 and dropped connections, set at start and changed at run time. */
class FaultInjectionTest {
    @TempDir
    static Path dir;
    static TestSandbox sandbox;
    static final ObjectNode QUERY = Json.MAPPER.createObjectNode().put("phone", "13800138000");

    @BeforeAll
    static void start() throws Exception {
        sandbox = TestSandbox.start(SandboxConfig.builder(dir).key(TestSandbox.APP_KEY, TestSandbox.APP_SECRET)
                .iotToken(dev.accountconsole.api.Secret.of(TestSandbox.IOT_TOKEN))
                .faults(new FaultSettings(0, 1, 0)));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void clear() {
        sandbox.server.faults().clear();
    }

    @Test
    void faultsSetAtStartApplyAndCanBeCleared() throws Exception {
        sandbox.server.faults().set(new FaultSettings(0, 1, 0));
        TestSandbox.Answer a = sandbox.post(ApiOperation.QUERY_BY_PHONE, QUERY);
        assertThat(a.status()).isEqualTo(503);
        assertThat(a.header("X-Ca-Error-Message")).isEqualTo("Service Unavailable");
        assertThat(a.header("X-Ca-Request-Id")).isNotBlank();
        sandbox.server.faults().clear();
        assertThat(sandbox.post(ApiOperation.QUERY_BY_PHONE, QUERY).status()).isEqualTo(200);
    }

    @Test
    void aShareOf503() throws Exception {
        sandbox.server.faults().set(new FaultSettings(0, 0.5, 0));
        int unavailable = 0;
        for (int i = 0; i < 200; i++) {
            unavailable += sandbox.post(ApiOperation.QUERY_BY_PHONE, QUERY).status() == 503 ? 1 : 0;
        }
        assertThat(unavailable).isBetween(50, 150);
    }

    @Test
    void latencyIsAdded() throws Exception {
        sandbox.server.faults().set(new FaultSettings(300, 0, 0));
        long start = System.nanoTime();
        assertThat(sandbox.post(ApiOperation.QUERY_BY_PHONE, QUERY).status()).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void droppedConnectionsReachTheClientAsLostConnections() throws Exception {
        sandbox.server.faults().set(new FaultSettings(0, 0, 1));
        assertThat(catchThrowableOfType(IOException.class, () -> sandbox.post(ApiOperation.QUERY_BY_PHONE, QUERY)))
                .isNotNull();
        AccountService service = new AccountService(new GatewayClient(sandbox.settings()));
        TransportException e = catchThrowableOfType(TransportException.class,
                () -> service.freeze("505fop357f0d8299b92664fc91012ae88ed25269", Cancellation.none()));
        assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECTION_LOST);
        sandbox.server.faults().clear();
        assertThat(sandbox.post(ApiOperation.QUERY_BY_PHONE, QUERY).status()).isEqualTo(200);
    }
}
