package dev.accountconsole.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accountconsole.api.Cancellation;
import dev.accountconsole.api.ClientSettings;
import dev.accountconsole.api.GatewayClient;
import dev.accountconsole.api.Json;
import dev.accountconsole.api.Secret;
import dev.accountconsole.api.TransportException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountServiceTest {
    private MockWebServer server;
    private AccountService service;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        service = new AccountService(new GatewayClient(new ClientSettings(URI.create(server.url("/").toString()),
                "24681357", Secret.of("s")).withIotToken(Secret.of("tok"))));
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private JsonNode sentParams() throws InterruptedException, IOException {
        return Json.MAPPER.readTree(server.takeRequest().getBody().readByteArray()).path("params");
    }

    @Test
    void accountFieldsAreTypedAndUnknownFieldsIgnored() throws Exception {
        server.enqueue(new MockResponse().setHeader("X-Ca-Request-Id", "r1").setBody("{\"code\":200,\"data\":{"
                + "\"identityId\":\"505fop357f0d8299b92664fc91012ae88ed25269\",\"loginId\":\"4398047084811\","
                + "\"loginSource\":\"openAccount\",\"phone\":\"13800001111\",\"gmtCreate\":1508314232000,"
                + "\"frozen\":true,\"modifier\":\"system\",\"somethingNew\":{\"a\":1}}}"));
        Result<Account> r = service.queryIdentity(new IdentityQuery.ByPhone("13800001111"), Cancellation.none());
        assertThat(r.value().loginId()).isEqualTo("4398047084811");
        assertThat(r.value().gmtCreate()).isEqualTo(1508314232000L);
        assertThat(r.value().frozen()).isTrue();
        assertThat(r.value().modifier()).isEqualTo("system");
        assertThat(r.requestId()).isEqualTo("r1");
        JsonNode p = sentParams();
        assertThat(p.path("opType").asInt()).isEqualTo(2);
        assertThat(p.path("phone").asText()).isEqualTo("13800001111");
    }

    @Test
    void phoneLookupForItsDataKeepsTheDataAsItCameAndStillRefusesDataThatIsNoAccount() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"code\":200,\"data\":{"
                + "\"identityId\":\"505fop357f0d8299b92664fc91012ae88ed25269\","
                + "\"gmtCreate\":\"not a number\",\"somethingNew\":{\"a\":1}}}"));
        Result<JsonNode> r = service.queryByPhoneData("13800001111", Cancellation.none());
        assertThat(r.value()).isSameAs(r.data());
        assertThat(r.data().path("somethingNew").path("a").asInt()).isEqualTo(1);
        assertThat(sentParams().path("phone").asText()).isEqualTo("13800001111");

        server.enqueue(new MockResponse().setBody("{\"code\":200,\"data\":\"not an account\"}"));
        assertThatThrownBy(() -> service.queryByPhoneData("13800001111", Cancellation.none()))
                .isInstanceOfSatisfying(TransportException.class,
                        e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.BAD_RESPONSE));
        assertThatThrownBy(() -> service.queryByPhoneData("12", Cancellation.none()))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void badInputNeverReachesTheWire() {
        assertThatThrownBy(() -> service.freeze("has space", Cancellation.none()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> service.register(Registration.builder().phone("123").build(), Cancellation.none()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::key).containsExactly("validation.phone.cn"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void registerSendsOnlyWhatWasGivenAndReturnsTheNewId() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"code\":200,\"data\":\"505fop357f0d8299b92664fc91012ae88ed25269\"}"));
        Result<String> r = service.register(Registration.builder().phone("4155550100").mobileLocationCode("+1")
                .nickName("Ann").password(Secret.of("pa55word")).build(), Cancellation.none());
        assertThat(r.value()).isEqualTo("505fop357f0d8299b92664fc91012ae88ed25269");
        JsonNode p = sentParams();
        assertThat(p.path("mobileLocationCode").asText()).isEqualTo("1");
        assertThat(p.path("password").asText()).isEqualTo("pa55word");
        assertThat(p.has("email")).isFalse();
        assertThat(p.has("loginName")).isFalse();
    }

    @Test
    void modifySendsAccountMetaV2WithTheCallersAppKey() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"code\":200,\"data\":\"\"}"));
        service.modify("id-1", AccountChanges.builder().nickName("New").phone("13900001111").modifier("ops").build(),
                Cancellation.none());
        JsonNode req = sentParams().path("request");
        assertThat(req.path("identityId").asText()).isEqualTo("id-1");
        JsonNode meta = req.path("accountMetaV2");
        assertThat(meta.path("appKey").asText()).isEqualTo("24681357");
        assertThat(meta.path("nickName").asText()).isEqualTo("New");
        assertThat(meta.path("modifier").asText()).isEqualTo("ops");
        assertThat(meta.has("email")).isFalse();
    }

    @Test
    void modifyWithoutIotTokenIsRefusedLocally() {
        AccountService noToken = new AccountService(new GatewayClient(new ClientSettings(
                URI.create(server.url("/").toString()), "k", Secret.of("s"))));
        assertThatThrownBy(() -> noToken.modify("id-1", AccountChanges.builder().nickName("x").build(), Cancellation.none()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("iotToken"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void moreThanFiftyIdsAreFetchedInBatchesInOrder() throws Exception {
        List<String> ids = IntStream.range(0, 120).mapToObj(i -> "id" + i).toList();
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setBody("{\"code\":200,\"data\":[{\"identityId\":\"b" + i + "\"}]}"));
        }
        List<Result<List<Account>>> results = service.queryIdentityListBatched(ids, Cancellation.none());
        assertThat(results).hasSize(3);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sizes.add(sentParams().path("request").path("identityIds").size());
        }
        assertThat(sizes).containsExactly(50, 50, 20);
        assertThat(results.get(2).value()).extracting(Account::identityId).containsExactly("b2");
    }
}
