package dev.accountconsole.sandbox;

import dev.accountconsole.api.Secret;
import dev.accountconsole.config.AppDirs;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sandbox}: runs the sandbox gateway headless (gateway-protocol.md, section 5) until SIGTERM
 * or SIGINT, then drains the requests in flight, closes the database and exits 0.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = "Runs the sandbox gateway: a local, persistent stand-in for the cloud account API.")
public final class SandboxCommand implements Callable<Integer> {
    static final String SECRET_ENV = "ACCOUNT_CONSOLE_APP_SECRET";

    @Option(names = "--port", required = true, description = "TCP port (0 for any free port).")
    int port;

    @Option(names = "--app-key", required = true, description = "The AppKey clients sign with.")
    String appKey;

    @Option(names = "--app-secret", description = "The AppSecret; else env " + SECRET_ENV + ".")
    String appSecret;

    @Option(names = "--data", description = "Database folder (default: the user's data directory).")
    Path data;

    @Option(names = "--iot-token", description = "The iotToken modifyAccount accepts (generated and printed if absent).")
    String iotToken;

    @Option(names = "--demo", description = "Generate N demo accounts into an empty database.")
    int demo;

    @Option(names = "--keys", description = "More key pairs: one 'APPKEY SECRET [REQUESTS_PER_SECOND]' a line, # comments.")
    Path keysFile;

    @Option(names = "--rate-limit", description = "Requests per second for --app-key (default: unlimited).")
    double rateLimit;

    @Option(names = "--bind", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind = SandboxConfig.DEFAULT_BIND;

    @Option(names = "--max-connections", description = "Connections served at once (default: ${DEFAULT-VALUE}).")
    int maxConnections = SandboxConfig.DEFAULT_MAX_CONNECTIONS;

    @Option(names = "--latency-ms", description = "Fault injection: added latency per request.")
    long latencyMillis;

    @Option(names = "--fail-503-share", description = "Fault injection: share of requests answered 503 (0-1).")
    double fail503Share;

    @Option(names = "--drop-share", description = "Fault injection: share of connections dropped unanswered (0-1).")
    double dropShare;

    @Option(names = "--fault-paths", split = ",", paramLabel = "PATH",
            description = "Fault injection only on these API paths, comma-separated (default: every request).")
    Set<String> faultPaths = new LinkedHashSet<>();

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        String secret = appSecret;
        if (secret != null) {
            err.println("warning: --app-secret is visible to other users in the process list; prefer env " + SECRET_ENV);
        } else {
            secret = System.getenv(SECRET_ENV);
        }
        if (secret == null || secret.isEmpty()) {
            err.println("error: no AppSecret: give --app-secret or set " + SECRET_ENV);
            return 1;
        }
        SandboxConfig config;
        try {
            List<AppCredentials> keys = new ArrayList<>();
            keys.add(new AppCredentials(appKey, Secret.of(secret), rateLimit));
            if (keysFile != null) {
                keys.addAll(readKeys(keysFile));
            }
            String token = iotToken;
            if (token == null || token.isEmpty()) {
                byte[] bytes = new byte[16];
                new java.security.SecureRandom().nextBytes(bytes);
                token = HexFormat.of().formatHex(bytes);
                out.println("iotToken: " + token);
            }
            SandboxConfig.Builder b = SandboxConfig.builder(data != null ? data : AppDirs.current().sandboxData())
                    .bindAddress(bind).port(port).iotToken(Secret.of(token)).demoCount(demo).maxConnections(maxConnections)
                    .faults(faultSettings());
            keys.forEach(b::key);
            config = b.build();
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }

        // Registered before the start so that a signal during demo seeding also ends with status 0;
        // SIGTERM and SIGINT run shutdown hooks, and halting with 0 after the drain replaces the
        // JVM's 128+signal.
        AtomicReference<SandboxServer> running = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            SandboxServer s = running.get();
            if (s != null) {
                s.close();
            }
            out.println("stopped");
            out.flush();
            err.flush();
            stopped.countDown();
            Runtime.getRuntime().halt(0);
        }, "sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        SandboxServer server;
        try {
            server = SandboxServer.start(config);
        } catch (IOException | RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            err.println("error: the sandbox cannot start: " + e.getMessage());
            return 1;
        }
        running.set(server);
        out.println("listening on " + server.baseUri());
        out.flush();
        stopped.await();
        return 0;
    }

    /** The fault options as given; throws IllegalArgumentException on a share out of range or an unknown path. */
    FaultSettings faultSettings() {
        return new FaultSettings(latencyMillis, fail503Share, dropShare, faultPaths);
    }

    /** Reads {@code --keys}: {@code APPKEY SECRET [REQUESTS_PER_SECOND]} per line. */
    static List<AppCredentials> readKeys(Path file) throws IOException {
        List<AppCredentials> keys = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+");
            if (parts.length < 2 || parts.length > 3) {
                throw new IOException(file + " line " + lineNo + ": expected APPKEY SECRET [REQUESTS_PER_SECOND]");
            }
            double rate;
            try {
                rate = parts.length == 3 ? Double.parseDouble(parts[2]) : 0;
            } catch (NumberFormatException e) {
                throw new IOException(file + " line " + lineNo + ": the rate limit is not a number");
            }
            keys.add(new AppCredentials(parts[0], Secret.of(parts[1]), rate));
        }
        return keys;
    }
}
