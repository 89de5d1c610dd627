package dev.accountconsole.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accountconsole.account.Account;
import dev.accountconsole.account.AccountService;
import dev.accountconsole.account.Registration;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.api.Cancellation;
import dev.accountconsole.api.GatewayClient;
import dev.accountconsole.api.Json;
import dev.accountconsole.api.TransportException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Latency, 503 and dropped connections, set at start and changed at run time, on every API or a few. */
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

    @Test
    void faultsScopedToOnePathLeaveEveryOtherRequestAlone() throws Exception {
        sandbox.server.faults().clear();
        AccountService service = new AccountService(new GatewayClient(sandbox.settings()));
        String id = service.register(Registration.builder().phone("13912340077").build(), Cancellation.none()).value();
        sandbox.server.faults().set(new FaultSettings(0, 0, 1).onlyFor(ApiOperation.FREEZE));

        for (int i = 0; i < 5; i++) {
            TransportException lost = catchThrowableOfType(TransportException.class,
                    () -> service.freeze(id, Cancellation.none()));
            assertThat(lost.kind()).as("every freeze is dropped").isEqualTo(TransportException.Kind.CONNECTION_LOST);
            List<Account> reread = service.queryIdentityList(List.of(id), Cancellation.none()).value();
            assertThat(reread).as("the re-read gets through").hasSize(1);
            assertThat(reread.get(0).frozen()).as("a dropped freeze is not applied").isFalse();
        }
        assertThat(sandbox.post(ApiOperation.QUERY_BY_PHONE, QUERY).status()).isEqualTo(200);

        sandbox.server.faults().set(new FaultSettings(0, 1, 0).onlyFor(ApiOperation.QUERY_BY_PHONE));
        assertThat(sandbox.post(ApiOperation.QUERY_BY_PHONE, QUERY).status()).isEqualTo(503);
        service.freeze(id, Cancellation.none());
        assertThat(service.queryIdentityList(List.of(id), Cancellation.none()).value().get(0).frozen()).isTrue();
    }

    @Test
    void theScopeIsApiPathsAndEmptyMeansEveryRequest() {
        FaultSettings all = new FaultSettings(0, 0, 1);
        assertThat(all.paths()).isEmpty();
        assertThat(all.appliesTo("/user/account/freeze")).isTrue();
        FaultSettings freezeOnly = all.onlyFor(ApiOperation.FREEZE, ApiOperation.UNFREEZE);
        assertThat(freezeOnly.paths()).containsExactlyInAnyOrder("/user/account/freeze", "/user/account/unfreeze");
        assertThat(freezeOnly.appliesTo("/user/account/freeze")).isTrue();
        assertThat(freezeOnly.appliesTo("/iotx/account/queryIdentityList")).isFalse();
        assertThatThrownBy(() -> new FaultSettings(0, 0, 1, Set.of("/user/account/frezee")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/user/account/frezee");
    }

    @Test
    void theSandboxCommandTakesTheScopeAsACommaSeparatedList() {
        SandboxCommand command = new SandboxCommand();
        new CommandLine(command).parseArgs("--port", "0", "--app-key", "k", "--drop-share", "1",
                "--fault-paths", "/user/account/freeze,/user/account/unfreeze");
        assertThat(command.faultSettings()).isEqualTo(new FaultSettings(0, 0, 1,
                Set.of("/user/account/freeze", "/user/account/unfreeze")));

        SandboxCommand unscoped = new SandboxCommand();
        new CommandLine(unscoped).parseArgs("--port", "0", "--app-key", "k", "--latency-ms", "5");
        assertThat(unscoped.faultSettings()).isEqualTo(new FaultSettings(5, 0, 0));
    }
}
