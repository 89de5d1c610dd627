package dev.accountconsole.sandbox;

import com.sun.net.httpserver.HttpServer;
import dev.accountconsole.sandbox.store.AccountStore;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
 *
 * <p>HTTP is the JDK's own server ({@code com.sun.net.httpserver}, no dependency) on a bounded pool
 * of worker threads; when the pool and its queue are full the accepting thread serves the request
 * itself, which slows accepting down instead of refusing.
 */
public final class SandboxServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SandboxServer.class.getName());
    private static final int QUEUE_CAPACITY = 1024;
    private static final long DRAIN_MILLIS = 10_000;

    static {
        // A client that stops sending mid-request must not hold a worker thread for ever. Read once by
        // the JDK server, so set before its first use, and only when the embedding application has not.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "30");
        }
    }

    private final SandboxConfig config;
    private final HttpServer http;
    private final ThreadPoolExecutor executor;
    private final AccountStore store;
    private final GatewayHandler handler;
    private final Faults faults;
    private final URI baseUri;
    private final Object closeLock = new Object();
    private boolean closed;

    private SandboxServer(SandboxConfig config, HttpServer http, ThreadPoolExecutor executor, AccountStore store,
                          GatewayHandler handler, Faults faults) {
        this.config = config;
        this.http = http;
        this.executor = executor;
        this.store = store;
        this.handler = handler;
        this.faults = faults;
        InetAddress address = http.getAddress().getAddress();
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        this.baseUri = URI.create("http://" + host + ":" + http.getAddress().getPort());
    }

    /**
     * Opens the database (seeding demo accounts into an empty one), binds and starts serving.
     *
     * @throws IOException when the address cannot be bound
     */
    public static SandboxServer start(SandboxConfig config) throws IOException {
        AccountStore store = AccountStore.open(config.dataDir(), config.workerThreads());
        try {
            if (config.demoCount() > 0 && store.count() == 0) {
                DemoData.seed(store, config.demoCount(), config.keys().get(0).appKey(), config.clock());
            }
            Faults faults = new Faults(config.faults());
            GatewayHandler handler = new GatewayHandler(new SignatureVerifier(config.keys(), config.clock()),
                    new AccountApi(store, new PasswordHasher(), config.iotToken(), config.clock()),
                    new LocalizedMessages(), faults);
            HttpServer http = HttpServer.create(
                    new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()), QUEUE_CAPACITY);
            ThreadPoolExecutor executor = new ThreadPoolExecutor(config.workerThreads(), config.workerThreads(),
                    60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY), workerThreads(),
                    new ThreadPoolExecutor.CallerRunsPolicy());
            http.setExecutor(executor);
            http.createContext("/", handler);
            http.start();
            SandboxServer server = new SandboxServer(config, http, executor, store, handler, faults);
            LOG.log(System.Logger.Level.INFO, "sandbox gateway on {0}, {1} accounts, data in {2}",
                    server.baseUri, store.count(), config.dataDir());
            return server;
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sandbox-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}: the endpoint for a client profile. */
    public URI baseUri() {
        return baseUri;
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
     * Graceful stop: new requests are answered 503 while those in flight finish (at most 10 s), then
     * the listener and connections close and the database is closed. Idempotent.
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        handler.startDraining();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_MILLIS);
        while ((handler.inFlight() > 0 || !executor.getQueue().isEmpty()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        http.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(DRAIN_MILLIS, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
        store.close();
        LOG.log(System.Logger.Level.INFO, "sandbox gateway on {0} stopped", baseUri);
    }
}
