package dev.accountconsole.api;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The application's one OkHttp client ("OkHttpClients should be shared"): one connection pool and
 * one dispatcher for every profile and every call. Timeouts are set per call from the profile.
 */
public final class HttpClients {
    /**
     * Idle connections are dropped before the sandbox's own idle timeout (30 s), so that a pooled
     * connection is not found closed under a write, which must never be retried.
     */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private static final class Holder {
        static final OkHttpClient SHARED = build();
    }

    private HttpClients() {
    }

    public static OkHttpClient shared() {
        return Holder.SHARED;
    }

    private static OkHttpClient build() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(256);
        dispatcher.setMaxRequestsPerHost(64);
        return new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(64, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
                .dispatcher(dispatcher)
                // Whole-call budgets are set per call; these only stop a silent peer from holding a thread.
                .connectTimeout(Duration.ofSeconds(30))
                .readTimeout(Duration.ofSeconds(60))
                .writeTimeout(Duration.ofSeconds(60))
                .followRedirects(false)
                .followSslRedirects(false)
                // Never replay a request silently: writes must not be sent twice, reads retry in GatewayClient.
                .retryOnConnectionFailure(false)
                .build();
    }
}
