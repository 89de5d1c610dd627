package dev.accountconsole.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.account.AccountService;
import dev.accountconsole.account.Registration;
import dev.accountconsole.api.ClientSettings;
import dev.accountconsole.api.Cancellation;
import dev.accountconsole.api.GatewayClient;
import dev.accountconsole.api.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless command: ready line, kill -9 durability, graceful SIGTERM; and the in-process drain. */
class SandboxLifecycleTest {

    private static AccountService serviceFor(int port) {
        return new AccountService(new GatewayClient(new ClientSettings(URI.create("http://127.0.0.1:" + port),
                TestSandbox.APP_KEY, Secret.of(TestSandbox.APP_SECRET)).withIotToken(Secret.of(TestSandbox.IOT_TOKEN))));
    }

    @Test
    void everyAcknowledgedRegistrationSurvivesKillDashNine(@TempDir Path data) throws Exception {
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        SandboxProcess first = SandboxProcess.start(data);
        AccountService service = serviceFor(first.port);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicBoolean stop = new AtomicBoolean();
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            acknowledged.add(service.register(Registration.builder()
                                    .phone(String.format("16%02d%07d", thread, i)).build(), Cancellation.none()).value());
                        } catch (Exception e) {
                            return;
                        }
                    }
                }));
            }
            // Kill while the writers are busy: once a few hundred are acknowledged.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (acknowledged.size() < 300 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            first.process.destroyForcibly();
            first.process.waitFor(30, TimeUnit.SECONDS);
            stop.set(true);
            for (Future<?> w : writers) {
                w.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            first.close();
        }
        assertThat(acknowledged.size()).isGreaterThanOrEqualTo(300);

        try (SandboxProcess second = SandboxProcess.start(data)) {
            AccountService after = serviceFor(second.port);
            List<String> ids = new ArrayList<>(acknowledged);
            int found = 0;
            for (int from = 0; from < ids.size(); from += 50) {
                found += after.queryIdentityList(ids.subList(from, Math.min(ids.size(), from + 50)), Cancellation.none())
                        .value().size();
            }
            assertThat(found).isEqualTo(ids.size());
        }
    }

    @Test
    void sigtermDrainsAndExitsZeroAndTheDataIsKept(@TempDir Path data) throws Exception {
        String id;
        try (SandboxProcess p = SandboxProcess.start(data, "--demo", "25")) {
            AccountService service = serviceFor(p.port);
            id = service.register(Registration.builder().phone("13811112222").build(), Cancellation.none()).value();
            p.process.destroy();
            assertThat(p.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.process.exitValue()).as("a plain shutdown hook would give 143").isZero();
        }
        try (SandboxProcess again = SandboxProcess.start(data, "--demo", "25")) {
            AccountService service = serviceFor(again.port);
            assertThat(service.queryByPhone("13811112222", Cancellation.none()).value().identityId()).isEqualTo(id);
            assertThat(service.queryByPhone(DemoData.phone(24), Cancellation.none()).value()).isNotNull();
        }
    }

    @Test
    void closeLetsARequestInFlightFinish(@TempDir Path dir) throws Exception {
        TestSandbox sandbox = TestSandbox.start(dir);
        try {
            sandbox.server.faults().set(new FaultSettings(700, 0, 0));
            AccountService service = sandbox.service();
            CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(() -> {
                try {
                    return service.register(Registration.builder().phone("13822223333").build(), Cancellation.none()).value();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (sandbox.server.requestsInProgress() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(sandbox.server.requestsInProgress()).isEqualTo(1);
            sandbox.close();
            assertThat(inFlight.get(10, TimeUnit.SECONDS)).hasSize(40);
        } finally {
            sandbox.close();
        }
        try (TestSandbox reopened = TestSandbox.start(dir)) {
            assertThat(reopened.service().queryByPhone("13822223333", Cancellation.none()).value()).isNotNull();
        }
    }

    @Test
    void aPortInUseIsReportedWithStatusOne(@TempDir Path data) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SandboxCommandLauncher.class.getName(),
                    "--port", Integer.toString(taken.getLocalPort()), "--app-key", TestSandbox.APP_KEY,
                    "--data", data.toString()).redirectErrorStream(true);
            pb.environment().put(SandboxCommand.SECRET_ENV, TestSandbox.APP_SECRET);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isEqualTo(1);
            assertThat(out).contains("cannot start").doesNotContain("\tat ");
        }
    }

    @Test
    void missingSecretIsABadUsageNotAStart() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SandboxCommandLauncher.class.getName(),
                "--port", "0", "--app-key", "1").redirectErrorStream(true);
        pb.environment().remove(SandboxCommand.SECRET_ENV);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(out).contains("no AppSecret");
    }
}
