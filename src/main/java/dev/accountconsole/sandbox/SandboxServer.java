package dev.accountconsole.sandbox;

import dev.accountconsole.sandbox.store.AccountStore;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * A running sandbox gateway: the embedding API used by the console's default profile, the
 * {@code sandbox} command, the tests and the benchmark.
 *
 * <pre>{@code
 * try (SandboxServer server = SandboxServer.start(SandboxConfig.builder(dir)
 *         .key("12345678", secret).iotToken(Secret.of(token)).build())) {
 *     URI endpoint = server.baseUri();   // http://127.0.0.1:<ephemeral port>
 *     server.faults().set(new FaultSettings(200, 0.1, 0));
 * }
 * }</pre>
 */
public final class SandboxServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SandboxServer.class.getName());
    private static final long DRAIN_MILLIS = 10_000;

    private final SandboxConfig config;
    private final HttpFrontEnd http;
    private final AccountStore store;
    private final Faults faults;
    private final URI baseUri;
    private final Object closeLock = new Object();
    private boolean closed;

    private SandboxServer(SandboxConfig config, HttpFrontEnd http, AccountStore store, Faults faults) {
        this.config = config;
        this.http = http;
        this.store = store;
        this.faults = faults;
        InetAddress address = http.address().getAddress();
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        this.baseUri = URI.create("http://" + host + ":" + http.address().getPort());
    }

    /**
     * Opens the database (seeding demo accounts into an empty one), binds and starts serving.
     *
     * @throws IOException when the address cannot be bound
     */
    public static SandboxServer start(SandboxConfig config) throws IOException {
        AccountStore store = AccountStore.open(config.dataDir(), config.databaseConnections());
        try {
            if (config.demoCount() > 0 && store.count() == 0) {
                DemoData.seed(store, config.demoCount(), config.keys().get(0).appKey(), config.clock());
            }
            Faults faults = new Faults(config.faults());
            GatewayHandler handler = new GatewayHandler(new SignatureVerifier(config.keys(), config.clock()),
                    new AccountApi(store, new PasswordHasher(), config.iotToken(), config.clock()),
                    new LocalizedMessages(), faults);
            HttpFrontEnd http = new HttpFrontEnd(
                    new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()),
                    config.maxConnections(), handler);
            http.start();
            SandboxServer server = new SandboxServer(config, http, store, faults);
            LOG.log(System.Logger.Level.INFO, "sandbox gateway on {0}, {1} accounts, data in {2}",
                    server.baseUri, store.count(), config.dataDir());
            return server;
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public int port() {
        return http.address().getPort();
    }

    /** {@code http://127.0.0.1:<port>}: the endpoint for a client profile. */
    public URI baseUri() {
        return baseUri;
    }

    /** Requests received and not yet answered. */
    public int requestsInProgress() {
        return http.requestsInProgress();
    }

    /** Fault injection, changeable while the sandbox runs. */
    public Faults faults() {
        return faults;
    }

    public SandboxConfig config() {
        return config;
    }

    /** The account database, for tests and tools in the same JVM; clients use the HTTP API. */
    public AccountStore store() {
        return store;
    }

    /**
     * Graceful stop: stops accepting, lets requests in progress finish (at most 10 s; requests that
     * arrive meanwhile on open connections are answered 503), closes every connection, then closes
     * the database. Idempotent.
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        http.drainAndClose(DRAIN_MILLIS);
        store.close();
        LOG.log(System.Logger.Level.INFO, "sandbox gateway on {0} stopped", baseUri);
    }
}
