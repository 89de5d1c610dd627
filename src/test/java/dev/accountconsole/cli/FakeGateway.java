package dev.accountconsole.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accountconsole.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A MockWebServer on loopback that answers by request content (path and envelope params), so that
 * concurrent calls get their own answers whatever order they arrive in.
 */
final class FakeGateway implements AutoCloseable {
    final MockWebServer server = new MockWebServer();

    FakeGateway(Function<Request, MockResponse> answer) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest recorded) {
                return answer.apply(new Request(recorded.getPath(), envelope(recorded)));
            }
        });
        server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getPort();
    }

    int requestCount() {
        return server.getRequestCount();
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }

    private static JsonNode envelope(RecordedRequest recorded) {
        try {
            return Json.MAPPER.readTree(recorded.getBody().readByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the fake sees of a call. */
    record Request(String path, JsonNode envelope) {
        JsonNode params() {
            return envelope.path("params");
        }
    }

    static MockResponse success(Object data, String requestId) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("id", requestId);
        body.put("code", 200);
        body.putNull("message");
        body.putNull("localizedMsg");
        if (data != null) {
            body.set("data", Json.MAPPER.valueToTree(data));
        }
        return new MockResponse().setHeader("X-Ca-Request-Id", requestId).setBody(body.toString());
    }

    static MockResponse business(int code, String message, String localized, String requestId) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("id", requestId);
        body.put("code", code);
        body.put("message", message);
        body.put("localizedMsg", localized);
        return new MockResponse().setHeader("X-Ca-Request-Id", requestId).setBody(body.toString());
    }

    static MockResponse gateway(int status, String errorMessage, String requestId) {
        return new MockResponse().setResponseCode(status).setHeader("X-Ca-Error-Message", errorMessage)
                .setHeader("X-Ca-Request-Id", requestId);
    }

    static ObjectNode account(String identityId, String phone) {
        ObjectNode a = Json.MAPPER.createObjectNode();
        a.put("identityId", identityId);
        if (phone != null) {
            a.put("phone", phone);
        }
        return a;
    }
}
