package dev.accountconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client over real HTTP on loopback: envelope, headers, the three failure kinds, timeouts, retries. */
class GatewayClientTest {
    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private GatewayClient client(long timeoutMillis) {
        return new GatewayClient(new ClientSettings(URI.create(server.url("/").toString()), "24681357",
                Secret.of("secret-value")).withTimeoutMillis(timeoutMillis).withLanguage("en-US")
                .withIotToken(Secret.of("token-1")));
    }

    private static MockResponse envelope(String json) {
        return new MockResponse().setHeader("X-Ca-Request-Id", "srv-1").setBody(json);
    }

    @Test
    void sendsASignedEnvelopeAndReturnsDataWithTheServersRequestId() throws Exception {
        server.enqueue(envelope("{\"id\":\"srv-1\",\"code\":200,\"data\":{\"identityId\":\"x\"},\"extra\":1}"));

        ApiResponse r = client(3000).call(ApiOperation.QUERY_BY_PHONE,
                Json.MAPPER.createObjectNode().put("phone", "13800001111"));

        assertThat(r.requestId()).isEqualTo("srv-1");
        assertThat(r.data().path("identityId").asText()).isEqualTo("x");
        RecordedRequest req = server.takeRequest();
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(req.getPath()).isEqualTo("/user/account/querybyphone");
        assertThat(req.getHeader("Content-Type")).isEqualTo("application/octet-stream; charset=utf-8");
        assertThat(req.getHeader("x-ca-key")).isEqualTo("24681357");
        assertThat(req.getHeader("x-ca-signature-method")).isEqualTo("HmacSHA256");
        assertThat(req.getHeader("x-ca-nonce")).isNotBlank();
        assertThat(req.getHeader("Date")).endsWith(" GMT");
        byte[] body = req.getBody().readByteArray();
        assertThat(req.getHeader("Content-MD5")).isEqualTo(GatewaySigning.contentMd5(body));
        JsonNode sent = Json.MAPPER.readTree(body);
        assertThat(sent.path("version").asText()).isEqualTo("1.0");
        assertThat(sent.path("request").path("apiVer").asText()).isEqualTo("1.0.1");
        assertThat(sent.path("request").path("language").asText()).isEqualTo("en-US");
        assertThat(sent.path("request").has("iotToken")).as("token only where the API needs it").isFalse();
        assertThat(sent.path("id").asText()).matches("[0-9a-f]{32}");
        assertThat(sent.path("params").path("phone").asText()).isEqualTo("13800001111");

        String stringToSign = GatewaySigning.stringToSign("POST", req.getHeader("Accept"), req.getHeader("Content-MD5"),
                req.getHeader("Content-Type"), req.getHeader("Date"), java.util.Map.of(
                        "x-ca-key", req.getHeader("x-ca-key"), "x-ca-nonce", req.getHeader("x-ca-nonce"),
                        "x-ca-timestamp", req.getHeader("x-ca-timestamp"),
                        "x-ca-signature-method", req.getHeader("x-ca-signature-method")), req.getPath());
        assertThat(req.getHeader("x-ca-signature"))
                .isEqualTo(GatewaySigning.sign(SignatureMethod.HMAC_SHA256, "secret-value", stringToSign));
    }

    @Test
    void modifyCarriesTheIotToken() throws Exception {
        server.enqueue(envelope("{\"code\":200,\"data\":\"\"}"));
        client(3000).call(ApiOperation.MODIFY_ACCOUNT, Json.MAPPER.createObjectNode());
        JsonNode sent = Json.MAPPER.readTree(server.takeRequest().getBody().readByteArray());
        assertThat(sent.path("request").path("iotToken").asText()).isEqualTo("token-1");
        assertThat(sent.path("request").path("apiVer").asText()).isEqualTo("1.0.4");
    }

    @Test
    void freshNonceAndTimestampOnEveryRequest() throws Exception {
        server.enqueue(envelope("{\"code\":200,\"data\":\"\"}"));
        server.enqueue(envelope("{\"code\":200,\"data\":\"\"}"));
        GatewayClient c = client(3000);
        c.call(ApiOperation.FREEZE, Json.MAPPER.createObjectNode().put("identityId", "a"));
        c.call(ApiOperation.FREEZE, Json.MAPPER.createObjectNode().put("identityId", "a"));
        assertThat(server.takeRequest().getHeader("x-ca-nonce")).isNotEqualTo(server.takeRequest().getHeader("x-ca-nonce"));
    }

    @Test
    void businessErrorCarriesCodeMessagesAndRequestId() {
        server.enqueue(envelope("{\"id\":\"srv-1\",\"code\":2405,\"message\":\"identity is not existed\","
                + "\"localizedMsg\":\"账号不存在\",\"data\":null}"));
        assertThatThrownBy(() -> client(3000).call(ApiOperation.QUERY_BY_PHONE, Json.MAPPER.createObjectNode()))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.code()).isEqualTo(2405);
                    assertThat(e.apiMessage()).isEqualTo("identity is not existed");
                    assertThat(e.localizedMsg()).isEqualTo("账号不存在");
                    assertThat(e.requestId()).isEqualTo("srv-1");
                    assertThat(e.clientRequestId()).matches("[0-9a-f]{32}");
                });
    }

    @Test
    void gatewayErrorIsParsedFromHeaders() {
        server.enqueue(new MockResponse().setResponseCode(400).setHeader("X-Ca-Request-Id", "srv-9")
                .setHeader("X-Ca-Error-Message", "Invalid Signature, Server StringToSign:`POST#...`"));
        assertThatThrownBy(() -> client(3000).call(ApiOperation.FREEZE, Json.MAPPER.createObjectNode()))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errorMessage()).startsWith("Invalid Signature");
                    assertThat(e.isSignatureProblem()).isTrue();
                    assertThat(e.requestId()).isEqualTo("srv-9");
                });
    }

    @Test
    void timeoutIsHonouredAndReported() {
        server.enqueue(envelope("{\"code\":200,\"data\":\"\"}").setHeadersDelay(2, TimeUnit.SECONDS));
        long start = System.nanoTime();
        assertThatThrownBy(() -> client(300).call(ApiOperation.FREEZE, Json.MAPPER.createObjectNode()))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT);
                    assertThat(e.timeoutMillis()).isEqualTo(300);
                    assertThat(e.outcomeUnknown()).isTrue();
                    assertThat(e.requestId()).matches("[0-9a-f]{32}");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void readsAreRetriedOn503AndRateLimitWithinTheBudget() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("X-Ca-Error-Message", "Service Unavailable"));
        server.enqueue(new MockResponse().setResponseCode(403).setHeader("X-Ca-Error-Message", "Request Limited"));
        server.enqueue(envelope("{\"code\":200,\"data\":[]}"));
        ApiResponse r = client(3000).call(ApiOperation.QUERY_IDENTITY_LIST, Json.MAPPER.createObjectNode());
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(server.getRequestCount()).isEqualTo(3);
        String first = Json.MAPPER.readTree(server.takeRequest().getBody().readByteArray()).path("id").asText();
        RecordedRequest second = server.takeRequest();
        assertThat(Json.MAPPER.readTree(second.getBody().readByteArray()).path("id").asText())
                .as("one logical call, one envelope id").isEqualTo(first);
    }

    @Test
    void readsAreRetriedAfterADroppedConnection() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(envelope("{\"code\":200,\"data\":{\"identityId\":\"x\"}}"));
        ApiResponse r = client(3000).call(ApiOperation.QUERY_IDENTITY, Json.MAPPER.createObjectNode());
        assertThat(r.attempts()).isEqualTo(2);
    }

    @Test
    void writesAreNeverRetried() {
        server.enqueue(new MockResponse().setResponseCode(503).setHeader("X-Ca-Error-Message", "Service Unavailable"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(envelope("{\"code\":200,\"data\":\"\"}"));
        assertThatThrownBy(() -> client(3000).call(ApiOperation.FREEZE, Json.MAPPER.createObjectNode()))
                .isInstanceOf(GatewayException.class);
        assertThatThrownBy(() -> client(3000).call(ApiOperation.REGISTER, Json.MAPPER.createObjectNode()))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retriesStopWhenTheBudgetIsSpent() {
        for (int i = 0; i < 50; i++) {
            server.enqueue(new MockResponse().setResponseCode(503).setHeader("X-Ca-Error-Message", "Service Unavailable"));
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> client(400).call(ApiOperation.QUERY_BY_PHONE, Json.MAPPER.createObjectNode()))
                .isInstanceOf(GatewayException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertThat(server.getRequestCount()).isBetween(2, 10);
    }

    @Test
    void refusedConnectionIsATransportFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        GatewayClient c = new GatewayClient(new ClientSettings(URI.create("http://127.0.0.1:" + port),
                "k", Secret.of("s")).withTimeoutMillis(500));
        assertThatThrownBy(() -> c.call(ApiOperation.FREEZE, Json.MAPPER.createObjectNode()))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECTION_REFUSED));
    }

    @Test
    void cancellationStopsACallInFlight() throws Exception {
        server.enqueue(envelope("{\"code\":200,\"data\":\"\"}").setHeadersDelay(2, TimeUnit.SECONDS));
        Cancellation cancel = new Cancellation();
        GatewayClient c = client(20_000);
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                c.call(ApiOperation.QUERY_BY_PHONE, Json.MAPPER.createObjectNode(), cancel);
                return null;
            } catch (ApiException e) {
                return e;
            }
        });
        server.takeRequest(5, TimeUnit.SECONDS);
        cancel.cancel();
        Throwable t = outcome.get(5, TimeUnit.SECONDS);
        assertThat(t).isInstanceOfSatisfying(TransportException.class,
                e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.CANCELLED));
    }

    @Test
    void aNonEnvelopeAnswerIsABadResponseNotACrash() {
        server.enqueue(new MockResponse().setBody("<html>oops</html>"));
        assertThatThrownBy(() -> client(3000).call(ApiOperation.QUERY_BY_PHONE, Json.MAPPER.createObjectNode()))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.BAD_RESPONSE));
    }
}
