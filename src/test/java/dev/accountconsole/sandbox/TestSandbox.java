package dev.accountconsole.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accountconsole.account.AccountService;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.api.ClientSettings;
import dev.accountconsole.api.Envelope;
import dev.accountconsole.api.GatewayClient;
import dev.accountconsole.api.Json;
import dev.accountconsole.api.RequestSigner;
import dev.accountconsole.api.Secret;
import dev.accountconsole.api.SignatureMethod;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A sandbox on an ephemeral loopback port in a temporary folder, with a typed and a raw client. */
final class TestSandbox implements AutoCloseable {
    static final String APP_KEY = "24681357";
    static final String APP_SECRET = "s3cr3t-for-tests-0123456789abcdef";
    static final String IOT_TOKEN = "109049c80bcde4c06b15f6f62e29a3ba";

    final SandboxServer server;
    final OkHttpClient http = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .callTimeout(Duration.ofSeconds(10))
            .build();

    private TestSandbox(SandboxServer server) {
        this.server = server;
    }

    static TestSandbox start(Path dir) throws IOException {
        return start(SandboxConfig.builder(dir).key(APP_KEY, APP_SECRET).iotToken(Secret.of(IOT_TOKEN)));
    }

    static TestSandbox start(SandboxConfig.Builder builder) throws IOException {
        return new TestSandbox(SandboxServer.start(builder.build()));
    }

    ClientSettings settings() {
        return new ClientSettings(server.baseUri(), APP_KEY, Secret.of(APP_SECRET)).withIotToken(Secret.of(IOT_TOKEN));
    }

    AccountService service() {
        return new AccountService(new GatewayClient(settings()));
    }

    AccountService service(String language) {
        return new AccountService(new GatewayClient(settings().withLanguage(language)));
    }

    /** An answer as the wire gave it. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        JsonNode json() throws IOException {
            return Json.MAPPER.readTree(body);
        }

        String bodyText() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static byte[] envelope(ApiOperation op, String language, ObjectNode params) {
        return Envelope.encodeRequest(UUID.randomUUID().toString().replace("-", ""), op,
                op.needsIotToken() ? IOT_TOKEN : null, language, params);
    }

    /** Signs {@code body} for {@code signedPath} now, lets {@code tamper} change the headers, sends to {@code path}. */
    Answer post(String path, String signedPath, byte[] body, Consumer<Map<String, String>> tamper) throws IOException {
        return post(path, signedPath, body, Instant.now(), UUID.randomUUID().toString(), APP_KEY, APP_SECRET, tamper);
    }

    Answer post(String path, String signedPath, byte[] body, Instant time, String nonce, String appKey, String secret,
                Consumer<Map<String, String>> tamper) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>(
                new RequestSigner(appKey, Secret.of(secret), SignatureMethod.HMAC_SHA256).sign(signedPath, body, time, nonce));
        tamper.accept(headers);
        return send("POST", path, body, headers);
    }

    Answer post(ApiOperation op, ObjectNode params) throws IOException {
        return post(op.path(), op.path(), envelope(op, null, params), h -> { });
    }

    Answer postRaw(ApiOperation op, byte[] body) throws IOException {
        return post(op.path(), op.path(), body, h -> { });
    }

    Answer send(String method, String path, byte[] body, Map<String, String> headers) throws IOException {
        Request.Builder rb = new Request.Builder().url(server.baseUri() + path);
        String type = headers.getOrDefault("Content-Type", "application/json");
        rb.method(method, method.equals("GET") ? null : RequestBody.create(body, MediaType.get(type)));
        headers.forEach((k, v) -> {
            if (!k.equals("Content-Type")) {
                rb.header(k, v);
            }
        });
        try (Response r = http.newCall(rb.build()).execute()) {
            Map<String, String> h = new LinkedHashMap<>();
            r.headers().forEach(p -> h.put(p.getFirst().toLowerCase(java.util.Locale.ROOT), p.getSecond()));
            return new Answer(r.code(), h, r.body() == null ? new byte[0] : r.body().bytes());
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
