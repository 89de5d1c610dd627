package dev.accountconsole.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The signed client for the account gateway: builds the envelope, signs it, sends it through the
 * shared OkHttp client within the call's time budget, and maps every outcome to a result or to one
 * of the three {@link ApiException} kinds.
 *
 * <p>Reads are retried on 503, the rate limit and connection failures, with exponential backoff and
 * jitter, inside the same budget. Writes are sent exactly once.
 *
 * <p>Thread-safe: one instance per profile, shared by every caller.
 */
public final class GatewayClient {
    private static final System.Logger LOG = System.getLogger(GatewayClient.class.getName());
    private static final MediaType BODY_TYPE = MediaType.get(GatewaySigning.CONTENT_TYPE);
    private static final long FIRST_BACKOFF_MILLIS = 50;
    private static final long MAX_BACKOFF_MILLIS = 800;
    /** A retry is not worth starting with less budget than this left. */
    private static final long MIN_ATTEMPT_MILLIS = 100;
    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private final ClientSettings settings;
    private final OkHttpClient http;
    private final RequestSigner signer;
    /** Each operation's URL, resolved against the endpoint once rather than on every call. */
    private final Map<ApiOperation, HttpUrl> urls;
    private final Clock clock;
    private final Supplier<String> ids;

    public GatewayClient(ClientSettings settings) {
        this(settings, HttpClients.forEndpoint(settings.endpoint()), Clock.systemUTC(), GatewayClient::newId);
    }

    /** For tests: a fixed clock and id source give reproducible signatures. */
    public GatewayClient(ClientSettings settings, OkHttpClient http, Clock clock, Supplier<String> ids) {
        this.settings = settings;
        this.http = http;
        this.signer = new RequestSigner(settings.appKey(), settings.appSecret(), settings.signatureMethod());
        this.urls = urls(toBaseUrl(settings.endpoint()));
        this.clock = clock;
        this.ids = ids;
    }

    private static HttpUrl toBaseUrl(URI endpoint) {
        HttpUrl url = HttpUrl.get(endpoint.toString());
        if (url == null) {
            throw new IllegalArgumentException("not an http(s) URL");
        }
        return url;
    }

    private static Map<ApiOperation, HttpUrl> urls(HttpUrl baseUrl) {
        Map<ApiOperation, HttpUrl> urls = new EnumMap<>(ApiOperation.class);
        for (ApiOperation op : ApiOperation.values()) {
            urls.put(op, baseUrl.newBuilder().encodedPath(op.path()).build());
        }
        return urls;
    }

    /**
     * A version-4 UUID without dashes, as the vendor sample code sends. It names the call in logs
     * and tickets and is no secret, so it comes from the per-thread generator, as the sandbox's
     * request ids do, rather than from {@code UUID.randomUUID()}, whose one SecureRandom every bulk
     * worker would queue on; the nonce, which guards against replay, still comes from that.
     */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        char[] id = new char[32];
        for (int i = 0; i < 16; i++) {
            int shift = 60 - 4 * i;
            id[i] = HEX_DIGITS[(int) (high >>> shift) & 0xF];
            id[16 + i] = HEX_DIGITS[(int) (low >>> shift) & 0xF];
        }
        return new String(id);
    }

    public ClientSettings settings() {
        return settings;
    }

    /** Calls with the profile's timeout and no way to cancel. */
    public ApiResponse call(ApiOperation op, ObjectNode params) throws ApiException {
        return call(op, params, Cancellation.none());
    }

    /**
     * Calls one API.
     *
     * @param params the API's own parameters (the envelope's {@code params})
     * @param cancellation lets another thread stop the call
     */
    public ApiResponse call(ApiOperation op, ObjectNode params, Cancellation cancellation) throws ApiException {
        String requestId = ids.get();
        String iotToken = op.needsIotToken() && settings.iotToken() != null ? settings.iotToken().reveal() : null;
        byte[] body = Envelope.encodeRequest(requestId, op, iotToken, settings.language(), params);
        long budget = settings.timeoutMillis();
        long start = System.nanoTime();
        int attempt = 0;
        long backoff = FIRST_BACKOFF_MILLIS;
        while (true) {
            attempt++;
            long remaining = budget - elapsedMillis(start);
            try {
                if (remaining <= 0) {
                    throw new TransportException(op, TransportException.Kind.TIMEOUT, budget, requestId,
                            elapsedMillis(start), null);
                }
                return exchange(op, body, requestId, remaining, cancellation, start, attempt);
            } catch (ApiException e) {
                if (!op.isRead() || !isRetryable(e) || cancellation.isCancelled()) {
                    throw e;
                }
                long pause = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
                if (budget - elapsedMillis(start) < pause + MIN_ATTEMPT_MILLIS) {
                    throw e;
                }
                LOG.log(System.Logger.Level.DEBUG, "{0} attempt {1} failed ({2}); retrying in {3} ms",
                        op, attempt, e.getMessage(), pause);
                sleep(pause, op, requestId, start, budget);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private static boolean isRetryable(ApiException e) {
        if (e instanceof GatewayException g) {
            return g.isTransient();
        }
        if (e instanceof BusinessException b) {
            return b.isTransient();
        }
        TransportException t = (TransportException) e;
        return t.kind() == TransportException.Kind.CONNECTION_REFUSED
                || t.kind() == TransportException.Kind.CONNECTION_LOST;
    }

    private static void sleep(long millis, ApiOperation op, String requestId, long start, long budget)
            throws TransportException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(op, TransportException.Kind.CANCELLED, budget, requestId,
                    elapsedMillis(start), e);
        }
    }

    /** The envelope's POST, signed now with a fresh nonce. */
    Request signedRequest(ApiOperation op, byte[] body, String requestId) {
        RequestSigner.Signed signed = signer.signWithStringToSign(op.path(), body, clock.instant(), UUID.randomUUID().toString());
        LOG.log(System.Logger.Level.TRACE, () -> "StringToSign for " + requestId + ": "
                + signed.stringToSign().replace('\n', '#'));
        Request.Builder rb = new Request.Builder()
                .url(urls.get(op))
                .post(RequestBody.create(body, BODY_TYPE));
        for (Map.Entry<String, String> h : signed.headers().entrySet()) {
            if (!h.getKey().equals("Content-Type")) {
                rb.header(h.getKey(), h.getValue());
            }
        }
        return rb.build();
    }

    /** The shared OkHttp client this one sends through. */
    OkHttpClient http() {
        return http;
    }

    private ApiResponse exchange(ApiOperation op, byte[] body, String requestId, long remainingMillis,
                                 Cancellation cancellation, long start, int attempt) throws ApiException {
        Call call = http.newCall(signedRequest(op, body, requestId));
        call.timeout().timeout(remainingMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
        cancellation.attach(call);
        try (Response response = call.execute()) {
            String serverId = response.header(GatewaySigning.HEADER_REQUEST_ID);
            ResponseBody rbody = response.body();
            byte[] bytes = rbody == null ? new byte[0] : rbody.bytes();
            long elapsed = elapsedMillis(start);
            LOG.log(System.Logger.Level.DEBUG, "{0} {1} -> HTTP {2}, request id {3}, {4} ms",
                    op, requestId, response.code(), serverId, elapsed);
            if (response.code() != 200) {
                throw new GatewayException(op, response.code(), response.header(GatewaySigning.HEADER_ERROR_MESSAGE),
                        requestId, serverId, elapsed);
            }
            Envelope.Response envelope;
            try {
                envelope = Envelope.decodeResponse(bytes);
            } catch (IOException e) {
                throw new TransportException(op, TransportException.Kind.BAD_RESPONSE, settings.timeoutMillis(),
                        requestId, elapsed, e);
            }
            String quoted = serverId != null ? serverId : envelope.id();
            if (!envelope.isSuccess()) {
                throw new BusinessException(op, envelope.code(), envelope.message(), envelope.localizedMsg(),
                        requestId, quoted, elapsed);
            }
            return new ApiResponse(op, envelope.data(), quoted, requestId, elapsed, attempt);
        } catch (IOException e) {
            throw transportFailure(op, e, requestId, start, cancellation);
        } finally {
            cancellation.detach();
        }
    }

    private TransportException transportFailure(ApiOperation op, IOException e, String requestId, long start,
                                                Cancellation cancellation) {
        TransportException.Kind kind;
        if (cancellation.isCancelled() || (e.getMessage() != null && e.getMessage().equals("Canceled"))) {
            kind = TransportException.Kind.CANCELLED;
        } else if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            kind = TransportException.Kind.TIMEOUT;
        } else if (e instanceof ConnectException || e instanceof java.net.UnknownHostException) {
            kind = TransportException.Kind.CONNECTION_REFUSED;
        } else if (e instanceof SSLException) {
            kind = TransportException.Kind.TLS;
        } else {
            kind = TransportException.Kind.CONNECTION_LOST;
        }
        return new TransportException(op, kind, settings.timeoutMillis(), requestId, elapsedMillis(start), e);
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
