package dev.accountconsole.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.api.GatewaySigning;
import dev.accountconsole.api.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The gateway layer: request id, faults, routing, signature, rate limit and envelope, then the
 * {@link AccountApi}. Every answer carries {@code X-Ca-Request-Id}, equal to the envelope {@code id}.
 * Nothing thrown here reaches the wire: an unexpected failure is logged with its stack trace on the
 * server and answered with a bare 500 {@code Internal Error}.
 */
final class GatewayHandler implements HttpFrontEnd.Handler {
    private static final System.Logger LOG = System.getLogger(GatewayHandler.class.getName());
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final SignatureVerifier verifier;
    private final AccountApi api;
    private final LocalizedMessages messages;
    private final Faults faults;

    GatewayHandler(SignatureVerifier verifier, AccountApi api, LocalizedMessages messages, Faults faults) {
        this.verifier = verifier;
        this.api = api;
        this.messages = messages;
        this.faults = faults;
    }

    @Override
    public HttpFrontEnd.Response handle(HttpFrontEnd.Request request) {
        String requestId = Ids.newRequestId();
        try {
            FaultSettings f = faults.get();
            if (!f.appliesTo(request.rawPath())) {
                f = FaultSettings.NONE;
            }
            if (!f.isNone() && injectFaults(f)) {
                return HttpFrontEnd.Response.DROP;
            }
            return serve(request, requestId, f);
        } catch (GatewayError.Rejection r) {
            return gatewayError(requestId, r, languageOf(request.body()));
        } catch (RuntimeException | Error | IOException e) {
            LOG.log(System.Logger.Level.ERROR, "request " + requestId + " failed", e);
            return gatewayError(requestId, GatewayError.INTERNAL_ERROR.rejection(), null);
        }
    }

    @Override
    public HttpFrontEnd.Response reject(GatewayError error) {
        return gatewayError(Ids.newRequestId(), error.rejection(), null);
    }

    /**
     * The envelope's {@code request.language} of a refused request, best effort, so that gateway errors
     * are localized too when the body says how; null when the body is not an envelope.
     */
    private static String languageOf(byte[] body) {
        try {
            JsonNode language = Json.MAPPER.readTree(body).path("request").path("language");
            return language.isTextual() ? language.textValue() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Sleeps the injected latency; true when this request's connection is to be dropped. */
    private static boolean injectFaults(FaultSettings f) {
        if (f.latencyMillis() > 0) {
            try {
                Thread.sleep(f.latencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
        return f.dropShare() > 0 && ThreadLocalRandom.current().nextDouble() < f.dropShare();
    }

    private HttpFrontEnd.Response serve(HttpFrontEnd.Request request, String requestId, FaultSettings f)
            throws GatewayError.Rejection, IOException {
        if (f.fail503Share() > 0 && ThreadLocalRandom.current().nextDouble() < f.fail503Share()) {
            throw GatewayError.SERVICE_UNAVAILABLE.rejection();
        }
        ApiOperation op = ApiOperation.forPath(request.rawPath());
        if (op == null || !request.method().equals("POST")) {
            throw GatewayError.API_NOT_FOUND.rejection();
        }
        SignatureVerifier.Key key = verifier.verify("POST", request.rawPath(), request.rawQuery(),
                request::header, request.body());
        if (key.limiter != null && !key.limiter.tryAcquire(System.nanoTime())) {
            throw GatewayError.REQUEST_LIMITED.rejection();
        }
        return dispatch(requestId, op, key, request.body());
    }

    private HttpFrontEnd.Response dispatch(String requestId, ApiOperation op, SignatureVerifier.Key key, byte[] body)
            throws IOException, GatewayError.Rejection {
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
                    return envelope(200, requestId, 200, null, null, answer.data(), answer.data() != null, Map.of());
                } catch (ApiError.Failure failure) {
                    error = failure.error;
                }
            }
        }
        return envelope(200, requestId, error.code, error.message, messages.lookup(error, language), null, true, Map.of());
    }

    private HttpFrontEnd.Response gatewayError(String requestId, GatewayError.Rejection r, String language) {
        try {
            return envelope(r.error.status, requestId, r.error.status, r.error.message,
                    messages.lookup(r.error, language), null, true,
                    Map.of(GatewaySigning.HEADER_ERROR_MESSAGE, headerSafe(r.headerText)));
        } catch (IOException e) {
            throw new IllegalStateException("an envelope of plain values could not be written", e);
        }
    }

    private static HttpFrontEnd.Response envelope(int status, String requestId, int code, String message,
                                                  String localizedMsg, JsonNode data, boolean withData,
                                                  Map<String, String> extraHeaders) throws IOException {
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        envelope.put("id", requestId);
        envelope.put("code", code);
        envelope.put("message", message);
        envelope.put("localizedMsg", localizedMsg);
        if (withData) {
            envelope.set("data", data);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON_TYPE);
        headers.put("X-Ca-Request-Id", requestId);
        if (!extraHeaders.isEmpty()) {
            headers.put("X-Ca-Error-Message", extraHeaders.get(GatewaySigning.HEADER_ERROR_MESSAGE));
        }
        // A refused body (too large, unreadable) may still be arriving: close rather than read on.
        boolean close = status == 413 || (status == 400 && GatewayError.REQUEST_FORMAT_ERROR.message.equals(message));
        return new HttpFrontEnd.Response(status, headers, Json.MAPPER.writeValueAsBytes(envelope), close);
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
}
