package dev.accountconsole.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.api.GatewaySigning;
import dev.accountconsole.api.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway layer: request id, faults, routing, bounded body, signature, rate limit and envelope,
 * then the {@link AccountApi}. Every answer carries {@code X-Ca-Request-Id}, equal to the envelope
 * {@code id}. Nothing thrown here reaches the wire: an unexpected failure is logged with its stack
 * trace on the server and answered with a bare 500 {@code Internal Error}.
 */
final class GatewayHandler implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(GatewayHandler.class.getName());
    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final SignatureVerifier verifier;
    private final AccountApi api;
    private final LocalizedMessages messages;
    private final Faults faults;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    GatewayHandler(SignatureVerifier verifier, AccountApi api, LocalizedMessages messages, Faults faults) {
        this.verifier = verifier;
        this.api = api;
        this.messages = messages;
        this.faults = faults;
    }

    /** From now on every request is answered 503 {@code Service Unavailable}. */
    void startDraining() {
        draining = true;
    }

    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void handle(HttpExchange exchange) {
        inFlight.incrementAndGet();
        String requestId = Ids.newRequestId();
        try {
            serve(exchange, requestId);
        } catch (DropConnection e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: connection dropped ({1})", requestId, e.getMessage());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: connection failed: {1}", requestId, e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "request " + requestId + " failed", e);
            try {
                sendGatewayError(exchange, requestId, GatewayError.INTERNAL_ERROR.rejection());
            } catch (IOException | RuntimeException ignored) {
                // The connection is closed below; nothing more can be said on it.
            }
        } finally {
            exchange.close();
            inFlight.decrementAndGet();
        }
    }

    private void serve(HttpExchange exchange, String requestId) throws IOException, DropConnection {
        FaultSettings f = faults.get();
        if (!f.isNone()) {
            injectFaults(f);
        }
        try {
            if (draining) {
                throw GatewayError.SERVICE_UNAVAILABLE.rejection();
            }
            if (f.fail503Share() > 0 && ThreadLocalRandom.current().nextDouble() < f.fail503Share()) {
                throw GatewayError.SERVICE_UNAVAILABLE.rejection();
            }
            String path = exchange.getRequestURI().getRawPath();
            ApiOperation op = ApiOperation.forPath(path);
            if (op == null || !exchange.getRequestMethod().equals("POST")) {
                throw GatewayError.API_NOT_FOUND.rejection();
            }
            byte[] body = readBody(exchange);
            SignatureVerifier.Key key = verifier.verify("POST", path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders()::getFirst, body);
            if (key.limiter != null && !key.limiter.tryAcquire(System.nanoTime())) {
                throw GatewayError.REQUEST_LIMITED.rejection();
            }
            dispatch(exchange, requestId, op, key, body);
        } catch (GatewayError.Rejection r) {
            sendGatewayError(exchange, requestId, r);
        }
    }

    private void injectFaults(FaultSettings f) throws DropConnection {
        if (f.latencyMillis() > 0) {
            try {
                Thread.sleep(f.latencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DropConnection("interrupted while injecting latency");
            }
        }
        if (f.dropShare() > 0 && ThreadLocalRandom.current().nextDouble() < f.dropShare()) {
            throw new DropConnection("fault injection");
        }
    }

    private void dispatch(HttpExchange exchange, String requestId, ApiOperation op, SignatureVerifier.Key key,
                          byte[] body) throws IOException, GatewayError.Rejection {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (IOException | RuntimeException e) {
            throw GatewayError.REQUEST_FORMAT_ERROR.rejection();
        }
        JsonNode request = root == null ? null : root.get("request");
        if (root == null || !root.isObject() || request == null || !request.isObject()
                || !request.path("apiVer").isTextual()) {
            throw GatewayError.REQUEST_FORMAT_ERROR.rejection();
        }
        String language = request.path("language").isTextual() ? request.get("language").textValue() : null;
        ApiError error;
        if (!request.get("apiVer").textValue().equals(op.apiVersion())) {
            error = ApiError.SERVICE_NOT_FOUND;
        } else {
            JsonNode params = root.get("params");
            if (params != null && !params.isNull() && !params.isObject()) {
                error = ApiError.PARAMETER_ERROR;
            } else {
                ObjectNode p = params == null || params.isNull() ? Json.MAPPER.createObjectNode() : (ObjectNode) params;
                String token = request.path("iotToken").isTextual() ? request.get("iotToken").textValue() : null;
                try {
                    AccountApi.Answer answer = api.call(op, new AccountApi.Caller(key.credentials.appKey(), token), p);
                    sendEnvelope(exchange, 200, requestId, 200, null, null, answer.data(), answer.data() != null);
                    return;
                } catch (ApiError.Failure failure) {
                    error = failure.error;
                }
            }
        }
        sendEnvelope(exchange, 200, requestId, error.code, error.message, messages.lookup(error, language), null, true);
    }

    /** Reads the body, refusing more than {@link #MAX_BODY_BYTES} before or while reading it. */
    private static byte[] readBody(HttpExchange exchange) throws IOException, GatewayError.Rejection {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                throw GatewayError.REQUEST_FORMAT_ERROR.rejection();
            }
            if (length > MAX_BODY_BYTES) {
                throw GatewayError.BODY_TOO_LARGE.rejection();
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw GatewayError.BODY_TOO_LARGE.rejection();
            }
            return body;
        }
    }

    private static void sendGatewayError(HttpExchange exchange, String requestId, GatewayError.Rejection r)
            throws IOException {
        exchange.getResponseHeaders().set(GatewaySigning.HEADER_ERROR_MESSAGE, headerSafe(r.headerText));
        if (r.error == GatewayError.BODY_TOO_LARGE || r.error == GatewayError.REQUEST_FORMAT_ERROR) {
            // The rest of a refused body is not worth reading: close rather than keep the connection.
            exchange.getResponseHeaders().set("Connection", "close");
        }
        sendEnvelope(exchange, r.error.status, requestId, r.error.status, r.error.message, null, null, true);
    }

    private static void sendEnvelope(HttpExchange exchange, int status, String requestId, int code, String message,
                                     String localizedMsg, JsonNode data, boolean withData) throws IOException {
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        envelope.put("id", requestId);
        envelope.put("code", code);
        envelope.put("message", message);
        envelope.put("localizedMsg", localizedMsg);
        if (withData) {
            envelope.set("data", data);
        }
        byte[] bytes = Json.MAPPER.writeValueAsBytes(envelope);
        exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
        exchange.getResponseHeaders().set(GatewaySigning.HEADER_REQUEST_ID, requestId);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Header values must be printable ASCII; the StringToSign may echo anything a client sent. */
    private static String headerSafe(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.toString();
    }

    /** Close the connection without an answer. */
    private static final class DropConnection extends Exception {
        DropConnection(String reason) {
            super(reason, null, false, false);
        }
    }
}
