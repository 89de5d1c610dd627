package dev.accountconsole.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.api.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input: every answer documented, never a 500, never a stack trace, and the server lives on. */
class GatewayRobustnessTest {
    @TempDir
    static Path dir;
    static TestSandbox sandbox;

    static final Set<Integer> GATEWAY_STATUSES = Set.of(200, 400, 401, 403, 404, 413);
    static final Set<Integer> ENVELOPE_CODES = Set.of(200, 401, 403, 404, 460, 2402, 2404, 2405, 2442, 2478, 4004);

    @BeforeAll
    static void start() throws Exception {
        sandbox = TestSandbox.start(dir);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static void assertDocumented(TestSandbox.Answer a) throws IOException {
        assertThat(a.status()).isIn(GATEWAY_STATUSES);
        assertThat(a.header("X-Ca-Request-Id")).isNotBlank();
        String text = a.bodyText();
        assertThat(text).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("java.");
        JsonNode env = a.json();
        assertThat(env.get("id").asText()).isEqualTo(a.header("X-Ca-Request-Id"));
        if (a.status() == 200) {
            assertThat(env.get("code").asInt()).isIn(ENVELOPE_CODES);
        } else {
            assertThat(a.header("X-Ca-Error-Message")).isNotBlank();
        }
    }

    private static TestSandbox.Answer signed(ApiOperation op, byte[] body) throws IOException {
        return sandbox.postRaw(op, body);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void unknownPathAndWrongMethodAreApiNotFound() throws Exception {
        TestSandbox.Answer unknown = sandbox.post("/user/account/nothing", "/user/account/nothing", utf8("{}"), h -> { });
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("X-Ca-Error-Message")).isEqualTo("API Not Found");
        TestSandbox.Answer get = sandbox.send("GET", ApiOperation.QUERY_BY_PHONE.path(), new byte[0], Map.of());
        assertThat(get.status()).isEqualTo(404);
        assertDocumented(get);
    }

    @Test
    void malformedEnvelopesAreRequestFormatErrors() throws Exception {
        for (String body : new String[] {"", "not json", "[1,2]", "42", "null", "{\"params\":{}}",
                "{\"request\":\"1.0.1\"}", "{\"request\":{}}", "{\"request\":{\"apiVer\":101}}", "{\"request\":{\"apiVer\":\"1.0.1\"",
                "[".repeat(5000) + "]".repeat(5000)}) {
            TestSandbox.Answer a = signed(ApiOperation.QUERY_BY_PHONE, utf8(body));
            assertThat(a.status()).as(body).isEqualTo(400);
            assertThat(a.header("X-Ca-Error-Message")).isEqualTo("Request Format Error");
            assertDocumented(a);
        }
        byte[] invalidUtf8 = utf8("{\"request\":{\"apiVer\":\"1.0.1\"},\"params\":{\"phone\":\"X\"}}");
        invalidUtf8[invalidUtf8.length - 4] = (byte) 0xC3;
        assertThat(signed(ApiOperation.QUERY_BY_PHONE, invalidUtf8).status()).isIn(200, 400);
    }

    @Test
    void wrongTypesHugeStringsAndUnicodeAreParameterErrorsOrAnswers() throws Exception {
        String huge = "9".repeat(900_000);
        String[] paramsBodies = {"\"params\":[]", "\"params\":\"x\"", "\"params\":{\"phone\":13800138000}",
                "\"params\":{\"phone\":{\"a\":1}}", "\"params\":{\"phone\":\"" + huge + "\"}",
                "\"params\":{\"phone\":\"\\ud800\"}", "\"params\":{\"phone\":\"\\u0000\"}",
                "\"params\":{\"phone\":\"١٣٨٠٠١٣٨٠٠٠\"}", "\"params\":{\"phone\":\"😀😀😀\"}"};
        for (String p : paramsBodies) {
            TestSandbox.Answer a = signed(ApiOperation.QUERY_BY_PHONE, utf8("{\"request\":{\"apiVer\":\"1.0.1\"}," + p + "}"));
            assertDocumented(a);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.json().get("code").asInt()).as(p.length() > 80 ? p.substring(0, 80) : p).isIn(460, 2405);
        }
        TestSandbox.Answer emoji = signed(ApiOperation.REGISTER, utf8("{\"request\":{\"apiVer\":\"1.0.2\"},"
                + "\"params\":{\"loginName\":\"emoji😀\",\"nickName\":\"张三 🐉 Zoë\"}}"));
        assertThat(emoji.json().get("code").asInt()).isEqualTo(200);
        TestSandbox.Answer loneSurrogate = signed(ApiOperation.REGISTER, utf8("{\"request\":{\"apiVer\":\"1.0.2\"},"
                + "\"params\":{\"loginName\":\"bad\\udc00\"}}"));
        assertThat(loneSurrogate.json().get("code").asInt()).isEqualTo(460);
        TestSandbox.Answer longName = signed(ApiOperation.REGISTER, utf8("{\"request\":{\"apiVer\":\"1.0.2\"},"
                + "\"params\":{\"loginName\":\"" + "a".repeat(100_000) + "\"}}"));
        assertThat(longName.json().get("code").asInt()).isEqualTo(460);
    }

    @Test
    void aBodyOverOneMebibyteIsRefusedWith413() throws Exception {
        byte[] big = new byte[HttpFrontEnd.MAX_BODY_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        TestSandbox.Answer a = signed(ApiOperation.QUERY_BY_PHONE, big);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.header("X-Ca-Error-Message")).isEqualTo("Request Body Too Large");
        assertThat(a.header("X-Ca-Request-Id")).isNotBlank();

        String head = rawExchange("POST " + ApiOperation.QUERY_BY_PHONE.path() + " HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: 10000000000\r\n\r\n");
        assertThat(head).startsWith("HTTP/1.1 413").containsIgnoringCase("X-Ca-Error-Message: Request Body Too Large");
    }

    @Test
    void malformedHttpGets400OrAClosedConnectionAndNoStackTrace() throws Exception {
        for (String raw : new String[] {"GARBAGE\r\n\r\n", "POST\r\n\r\n", "\r\n\r\n\r\n",
                "POST /user/account/querybyphone HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}",
                "POST /user/account/querybyphone HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{\"partial\":",
                "POST /user/account/querybyphone HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                "POST /user/account/querybyphone HTTP/1.1\r\n" + "X-Long: " + "a".repeat(70_000) + "\r\n\r\n"}) {
            String answer = rawExchange(raw);
            assertThat(answer).doesNotContain("Exception").doesNotContain("\tat ");
            if (!answer.isEmpty()) {
                assertThat(answer).matches("(?s)HTTP/1\\.1 (400|401|404|413) .*");
            }
        }
        assertServerAlive();
    }

    /** Writes {@code raw}, half-closes, and reads whatever comes back until the server closes. */
    private static String rawExchange(String raw) throws IOException {
        try (Socket s = new Socket(sandbox.server.baseUri().getHost(), sandbox.server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try {
                in.transferTo(buf);
            } catch (IOException reset) {
                // A reset is a closed connection, which the contract allows.
            }
            return buf.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static void assertServerAlive() throws IOException {
        TestSandbox.Answer ok = sandbox.post(ApiOperation.QUERY_BY_PHONE,
                Json.MAPPER.createObjectNode().put("phone", "13800138000"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("code").asInt()).isIn(200, 2405);
    }

    @Test
    void fuzzManySignedMalformedRequests() throws Exception {
        Random random = new Random(20261123);
        ApiOperation[] ops = ApiOperation.values();
        for (int i = 0; i < 600; i++) {
            ApiOperation op = ops[random.nextInt(ops.length)];
            byte[] body = mutate(random, op);
            TestSandbox.Answer a = sandbox.post(op.path(), op.path(), body, h -> {
                if (random.nextInt(10) == 0) {
                    h.put("x-ca-signature-headers", randomText(random, 20).replaceAll("[^ -~]", ""));
                }
            });
            assertDocumented(a);
        }
        assertServerAlive();
    }

    private static byte[] mutate(Random random, ApiOperation op) throws IOException {
        ObjectNode params = Json.MAPPER.createObjectNode();
        String[] fields = {"phone", "email", "loginName", "identityId", "opType", "loginId", "loginSource", "nickName",
            "password", "avatarUrl", "mobileLocationCode", "request", "creater"};
        for (int k = random.nextInt(5); k >= 0; k--) {
            params.set(fields[random.nextInt(fields.length)], randomValue(random, 0));
        }
        if (op == ApiOperation.QUERY_IDENTITY_LIST || op == ApiOperation.MODIFY_ACCOUNT) {
            ObjectNode request = params.putObject("request");
            ArrayNode ids = request.putArray("identityIds");
            for (int k = random.nextInt(60); k > 0; k--) {
                ids.add(randomValue(random, 1));
            }
            request.set("identityId", randomValue(random, 0));
            ObjectNode meta = request.putObject("accountMetaV2");
            meta.put("appKey", random.nextBoolean() ? TestSandbox.APP_KEY : randomText(random, 8));
            for (int k = random.nextInt(5); k >= 0; k--) {
                meta.set(fields[random.nextInt(fields.length)], randomValue(random, 1));
            }
        }
        byte[] body = TestSandbox.envelope(op, random.nextBoolean() ? "zh-CN" : "en-US", params);
        switch (random.nextInt(6)) {
            case 0 -> {
                int n = random.nextInt(1, 6);
                for (int k = 0; k < n; k++) {
                    body[random.nextInt(body.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> body = Arrays.copyOf(body, random.nextInt(body.length));
            default -> { }
        }
        return body;
    }

    private static JsonNode randomValue(Random random, int depth) {
        return switch (random.nextInt(depth > 1 ? 6 : 8)) {
            case 0 -> Json.MAPPER.getNodeFactory().textNode(randomText(random, random.nextInt(3) == 0 ? 5000 : 20));
            case 1 -> Json.MAPPER.getNodeFactory().numberNode(random.nextLong());
            case 2 -> Json.MAPPER.getNodeFactory().booleanNode(random.nextBoolean());
            case 3 -> Json.MAPPER.getNodeFactory().nullNode();
            case 4 -> Json.MAPPER.getNodeFactory().textNode("1" + (random.nextLong() & 0xFFFFFFFFFL));
            case 5 -> Json.MAPPER.getNodeFactory().numberNode(random.nextDouble());
            case 6 -> {
                ArrayNode a = Json.MAPPER.createArrayNode();
                a.add(randomValue(random, depth + 1));
                yield a;
            }
            default -> {
                ObjectNode o = Json.MAPPER.createObjectNode();
                o.set("k", randomValue(random, depth + 1));
                yield o;
            }
        };
    }

    private static String randomText(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(5)) {
                case 0 -> sb.append((char) random.nextInt(0x20));
                case 1 -> sb.append((char) (0x4E00 + random.nextInt(0x5000)));
                case 2 -> sb.append((char) (0xD800 + random.nextInt(0x800)));
                default -> sb.append((char) (0x20 + random.nextInt(0x5F)));
            }
        }
        return sb.toString();
    }
}
