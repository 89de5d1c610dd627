package dev.accountconsole.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The application's OkHttp clients ("OkHttpClients should be shared"): one connection pool and one
 * dispatcher for every profile and every call, with or without TLS set-up. Timeouts are set per
 * call from the profile.
 */
public final class HttpClients {
    /**
     * Idle connections are dropped before the sandbox's own idle timeout (30 s), so that a pooled
     * connection is not found closed under a write, which must never be retried.
     */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private static final ConnectionPool POOL = new ConnectionPool(64, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
    private static final Dispatcher DISPATCHER = dispatcher();

    private static final class Tls {
        static final OkHttpClient CLIENT = builder().build();
    }

    /**
     * For {@code http://} endpoints (the sandbox): the same pool and dispatcher, but no TLS set-up,
     * which costs a scripted CLI run a noticeable part of its start (trust store, SSL context).
     */
    private static final class Cleartext {
        static final OkHttpClient CLIENT = builder().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
    }

    private HttpClients() {
    }

    /** The shared client suited to the endpoint's scheme. */
    public static OkHttpClient forEndpoint(URI endpoint) {
        return "http".equalsIgnoreCase(endpoint.getScheme()) ? Cleartext.CLIENT : Tls.CLIENT;
    }

    private static Dispatcher dispatcher() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(256);
        dispatcher.setMaxRequestsPerHost(64);
        return dispatcher;
    }

    private static OkHttpClient.Builder builder() {
        return new OkHttpClient.Builder()
                .connectionPool(POOL)
                .dispatcher(DISPATCHER)
                // Whole-call budgets are set per call; these only stop a silent peer from holding a thread.
                .connectTimeout(Duration.ofSeconds(30))
                .readTimeout(Duration.ofSeconds(60))
                .writeTimeout(Duration.ofSeconds(60))
                .followRedirects(false)
                .followSslRedirects(false)
                // Never replay a request silently: writes must not be sent twice, reads retry in GatewayClient.
                .retryOnConnectionFailure(false);
    }
}
