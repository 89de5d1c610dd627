package dev.accountconsole.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accountconsole.api.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * A MockWebServer dispatcher that answers the account APIs from an in-memory table, with the
 * sandbox's {@code frozen} flag, and keeps a log of every call ({@code "freeze id1"}). Writes can be
 * held until released, refused, or left unanswered (applied or not) to make the client time out.
 */
final class FakeGateway extends Dispatcher {
    /** identityId to frozen. */
    final Map<String, Boolean> accounts = new ConcurrentHashMap<>();
    final Map<String, String> phones = new ConcurrentHashMap<>();
    final List<String> log = new CopyOnWriteArrayList<>();
    /** Writes to these ids get envelope code 460. */
    final Set<String> refuse = ConcurrentHashMap.newKeySet();
    /** Writes to these ids are applied, then never answered. */
    final Set<String> applyThenHang = ConcurrentHashMap.newKeySet();
    /** Writes to these ids are not applied and never answered. */
    final Set<String> hang = ConcurrentHashMap.newKeySet();
    /** Writes to these ids get HTTP 503 from the gateway layer. */
    final Set<String> unavailable = ConcurrentHashMap.newKeySet();
    /** Every identity-list read gets HTTP 500. */
    volatile boolean listBroken;
    final CountDownLatch holdArrived = new CountDownLatch(1);
    final CountDownLatch holdRelease = new CountDownLatch(1);
    /** A write to this id is applied, then waits for {@link #holdRelease} before it is answered. */
    volatile String hold;
    /** When set, each write waits until this many writes have arrived (or a few seconds passed). */
    volatile CountDownLatch writesTogether;
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();

    FakeGateway account(String id, boolean frozen) {
        accounts.put(id, frozen);
        return this;
    }

    FakeGateway phone(String phone, String id) {
        phones.put(phone, id);
        return this;
    }

    long count(String entry) {
        return log.stream().filter(entry::equals).count();
    }

    List<String> writes() {
        return log.stream().filter(e -> !e.startsWith("list") && !e.startsWith("phone")).toList();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        JsonNode params;
        try {
            params = Json.MAPPER.readTree(request.getBody().readByteArray()).path("params");
        } catch (IOException e) {
            return new MockResponse().setResponseCode(400);
        }
        String path = request.getPath();
        switch (path) {
            case "/iotx/account/queryIdentityList" -> {
                ArrayNode found = Json.MAPPER.createArrayNode();
                StringBuilder entry = new StringBuilder("list");
                for (JsonNode id : params.path("request").path("identityIds")) {
                    entry.append(' ').append(id.asText());
                    Boolean frozen = accounts.get(id.asText());
                    if (frozen != null) {
                        found.add(accountJson(id.asText(), frozen));
                    }
                }
                log.add(entry.toString());
                if (listBroken) {
                    return new MockResponse().setResponseCode(500).setHeader("X-Ca-Error-Message", "Internal Error");
                }
                return ok(found);
            }
            case "/user/account/querybyphone" -> {
                String phone = params.path("phone").asText();
                log.add("phone " + phone);
                String id = phones.get(phone);
                if (id == null || !accounts.containsKey(id)) {
                    return envelope(2405, "identity is not existed", null);
                }
                return ok(accountJson(id, accounts.get(id)).put("phone", phone));
            }
            case "/user/account/freeze", "/user/account/unfreeze", "/user/account/unregister" -> {
                String op = path.substring(path.lastIndexOf('/') + 1);
                String id = params.path("identityId").asText();
                log.add(op + " " + id);
                if (unavailable.contains(id)) {
                    return new MockResponse().setResponseCode(503)
                            .setHeader("X-Ca-Error-Message", "Service Unavailable");
                }
                if (refuse.contains(id) || !accounts.containsKey(id)) {
                    return envelope(460, "identityId is blank", null);
                }
                if (hang.contains(id)) {
                    return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
                }
                apply(op, id);
                CountDownLatch together = writesTogether;
                if (together != null) {
                    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    together.countDown();
                    together.await(5, TimeUnit.SECONDS);
                    inFlight.decrementAndGet();
                }
                if (applyThenHang.contains(id)) {
                    return new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE);
                }
                if (id.equals(hold)) {
                    holdArrived.countDown();
                    holdRelease.await(10, TimeUnit.SECONDS);
                }
                return ok(Json.MAPPER.getNodeFactory().textNode(""));
            }
            default -> {
                return new MockResponse().setResponseCode(404).setHeader("X-Ca-Error-Message", "API Not Found");
            }
        }
    }

    private void apply(String op, String id) {
        switch (op) {
            case "freeze" -> accounts.put(id, true);
            case "unfreeze" -> accounts.put(id, false);
            default -> accounts.remove(id);
        }
    }

    private static ObjectNode accountJson(String id, boolean frozen) {
        return Json.MAPPER.createObjectNode().put("identityId", id).put("loginSource", "openAccount")
                .put("frozen", frozen);
    }

    private MockResponse ok(JsonNode data) {
        return envelope(200, null, data);
    }

    private MockResponse envelope(int code, String message, JsonNode data) {
        String requestId = "srv-" + ids.incrementAndGet();
        ObjectNode body = Json.MAPPER.createObjectNode().put("id", requestId).put("code", code);
        body.put("message", message);
        if (data != null) {
            body.set("data", data);
        }
        return new MockResponse().setHeader("X-Ca-Request-Id", requestId).setBody(body.toString());
    }
}
