package dev.accountconsole.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accountconsole.account.Account;
import dev.accountconsole.account.AccountChanges;
import dev.accountconsole.account.AccountService;
import dev.accountconsole.account.IdentityQuery;
import dev.accountconsole.account.Registration;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.api.BusinessException;
import dev.accountconsole.api.Cancellation;
import dev.accountconsole.api.Json;
import dev.accountconsole.api.Secret;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every API's success data and business errors, through the project's own client where it can reach them. */
class SandboxApiTest {
    @TempDir
    static Path dir;
    static TestSandbox sandbox;
    static AccountService service;
    static final Cancellation NONE = Cancellation.none();

    @BeforeAll
    static void start() throws Exception {
        sandbox = TestSandbox.start(dir);
        service = sandbox.service();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static String register(String loginName, String phone, String email) throws Exception {
        return service.register(Registration.builder().loginName(loginName).phone(phone).email(email)
                .nickName("王小明").creater("tester").build(), NONE).value();
    }

    @Test
    void registerReturnsA40CharacterIdentityIdAndTheAccountReadsBackEveryWay() throws Exception {
        String id = register("xiaoming", "13800138000", "Xiao.Ming@Example.com");
        assertThat(id).hasSize(40).matches("[0-9a-f]{4}op[0-9a-f]{34}");

        Account byPhone = service.queryByPhone("13800138000", NONE).value();
        assertThat(byPhone.identityId()).isEqualTo(id);
        assertThat(byPhone.loginName()).isEqualTo("xiaoming");
        assertThat(byPhone.nickName()).isEqualTo("王小明");
        assertThat(byPhone.loginSource()).isEqualTo("openAccount");
        assertThat(byPhone.createAppKey()).isEqualTo(TestSandbox.APP_KEY);
        assertThat(byPhone.creater()).isEqualTo("tester");
        assertThat(byPhone.loginId()).matches("[0-9]{13,}");
        assertThat(byPhone.gmtCreate()).isPositive();
        assertThat(byPhone.frozen()).isFalse();

        assertThat(service.queryIdentity(new IdentityQuery.ByPhone("13800138000"), NONE).value().identityId()).isEqualTo(id);
        assertThat(service.queryIdentity(new IdentityQuery.ByEmail("xiao.ming@example.com"), NONE).value().identityId())
                .as("emails match regardless of case").isEqualTo(id);
        assertThat(service.queryIdentity(new IdentityQuery.ByLoginId(byPhone.loginId(), "openAccount"), NONE)
                .value().identityId()).isEqualTo(id);
    }

    @Test
    void registerAnswersOnTheWireWithTheNewIdAsData() throws Exception {
        ObjectNode p = Json.MAPPER.createObjectNode().put("email", "wire@example.org");
        TestSandbox.Answer a = sandbox.post(ApiOperation.REGISTER, p);
        JsonNode env = a.json();
        assertThat(a.status()).isEqualTo(200);
        assertThat(env.get("code").asInt()).isEqualTo(200);
        assertThat(env.get("data").asText()).hasSize(40);
        assertThat(env.get("id").asText()).isEqualTo(a.header("X-Ca-Request-Id")).isNotBlank();
        assertThat(env.has("message")).isTrue();
        assertThat(env.get("message").isNull()).isTrue();
    }

    @Test
    void registerErrors() throws Exception {
        register("taken", "13900139000", "taken@example.com");
        assertThat(registerCode(Json.MAPPER.createObjectNode().put("loginName", "taken"))).isEqualTo(2402);
        assertThat(registerCode(Json.MAPPER.createObjectNode().put("phone", "13900139000"))).isEqualTo(2402);
        assertThat(registerCode(Json.MAPPER.createObjectNode().put("email", "TAKEN@example.com"))).isEqualTo(2402);
        JsonNode badPhone = sandbox.post(ApiOperation.REGISTER, Json.MAPPER.createObjectNode().put("phone", "1380013800")).json();
        assertThat(badPhone.get("code").asInt()).isEqualTo(2404);
        assertThat(badPhone.get("message").asText()).isEqualTo("手机格式不正确");
        assertThat(registerCode(Json.MAPPER.createObjectNode().put("phone", "138****5678"))).isEqualTo(2404);
        assertThat(registerCode(Json.MAPPER.createObjectNode().put("nickName", "nobody"))).isEqualTo(460);
        assertThat(registerCode(Json.MAPPER.createObjectNode().put("email", "not-an-email"))).isEqualTo(460);
        assertThat(registerCode(Json.MAPPER.createObjectNode().put("loginName", "has space"))).isEqualTo(460);
        assertThat(registerCode(Json.MAPPER.createObjectNode().put("loginName", "ok1").put("password", "12"))).isEqualTo(460);
        // Foreign numbers follow their own rule: 4 to 15 digits.
        assertThat(registerCode(Json.MAPPER.createObjectNode().put("phone", "2025550123").put("mobileLocationCode", "1")))
                .isEqualTo(200);
    }

    private static int registerCode(ObjectNode p) throws Exception {
        return sandbox.post(ApiOperation.REGISTER, p).json().get("code").asInt();
    }

    @Test
    void passwordsAreStoredAsBcryptAndNeverReturned() throws Exception {
        String id = service.register(Registration.builder().phone("13700137000").password(Secret.of("correct horse"))
                .build(), NONE).value();
        String hash = sandbox.server.store().passwordHash(id);
        assertThat(hash).startsWith("$2a$10$").doesNotContain("correct horse");
        assertThat(new PasswordHasher().matches("correct horse", hash)).isTrue();
        String body = sandbox.post(ApiOperation.QUERY_BY_PHONE, Json.MAPPER.createObjectNode().put("phone", "13700137000"))
                .bodyText();
        assertThat(body).doesNotContainIgnoringCase("password").doesNotContain("$2a$");
    }

    @Test
    void queryErrors() throws Exception {
        BusinessException notFound = catchThrowableOfType(BusinessException.class,
                () -> service.queryByPhone("13000000001", NONE));
        assertThat(notFound.code()).isEqualTo(2405);
        assertThat(notFound.apiMessage()).isEqualTo("identity is not existed");
        assertThat(notFound.serverRequestId()).isNotBlank();

        assertThat(catchThrowableOfType(BusinessException.class,
                () -> service.queryIdentity(new IdentityQuery.ByEmail("none@example.com"), NONE)).code()).isEqualTo(2405);
        assertThat(catchThrowableOfType(BusinessException.class,
                () -> service.queryIdentity(new IdentityQuery.ByLoginId("1", "openAccount"), NONE)).code()).isEqualTo(2405);

        for (ObjectNode p : List.of(Json.MAPPER.createObjectNode().put("opType", 4).put("phone", "13800138000"),
                Json.MAPPER.createObjectNode().put("opType", 2),
                Json.MAPPER.createObjectNode().put("opType", 2).put("phone", "  "),
                Json.MAPPER.createObjectNode().put("opType", "2").put("phone", "13800138000"),
                Json.MAPPER.createObjectNode().put("opType", 1).put("loginId", "4398046511104"),
                Json.MAPPER.createObjectNode())) {
            assertThat(sandbox.post(ApiOperation.QUERY_IDENTITY, p).json().get("code").asInt()).as(p.toString()).isEqualTo(460);
        }
        assertThat(sandbox.post(ApiOperation.QUERY_BY_PHONE, Json.MAPPER.createObjectNode()).json().get("code").asInt())
                .isEqualTo(460);
    }

    @Test
    void queryIdentityListKeepsRequestOrderAndLeavesOutUnknownIds() throws Exception {
        String a = register(null, "13600136001", null);
        String b = register(null, "13600136002", null);
        List<Account> found = service.queryIdentityList(List.of(b, "505fop0000000000000000000000000000000000", a), NONE)
                .value();
        assertThat(found).extracting(Account::identityId).containsExactly(b, a);

        ObjectNode none = Json.MAPPER.createObjectNode();
        none.putObject("request").putArray("identityIds");
        JsonNode env = sandbox.post(ApiOperation.QUERY_IDENTITY_LIST, none).json();
        assertThat(env.get("code").asInt()).isEqualTo(460);
        assertThat(env.get("message").asText()).isEqualTo("identityIds need between 1-50");
        ObjectNode tooMany = Json.MAPPER.createObjectNode();
        var arr = tooMany.putObject("request").putArray("identityIds");
        for (int i = 0; i < 51; i++) {
            arr.add("id" + i);
        }
        assertThat(sandbox.post(ApiOperation.QUERY_IDENTITY_LIST, tooMany).json().get("message").asText())
                .isEqualTo("identityIds need between 1-50");
        ObjectNode wrongType = Json.MAPPER.createObjectNode();
        wrongType.putObject("request").putArray("identityIds").add(42);
        assertThat(sandbox.post(ApiOperation.QUERY_IDENTITY_LIST, wrongType).json().get("code").asInt()).isEqualTo(460);
    }

    @Test
    void freezeAndUnfreezeAreIdempotentAndShowInTheAccount() throws Exception {
        String id = register(null, "13500135000", null);
        service.freeze(id, NONE);
        service.freeze(id, NONE);
        assertThat(service.queryByPhone("13500135000", NONE).value().frozen()).isTrue();
        service.unfreeze(id, NONE);
        service.unfreeze(id, NONE);
        assertThat(service.queryByPhone("13500135000", NONE).value().frozen()).isFalse();

        JsonNode freezeAnswer = sandbox.post(ApiOperation.FREEZE, Json.MAPPER.createObjectNode().put("identityId", id)).json();
        assertThat(freezeAnswer.get("data").asText()).isEmpty();
        JsonNode unfreezeAnswer = sandbox.post(ApiOperation.UNFREEZE, Json.MAPPER.createObjectNode().put("identityId", id)).json();
        assertThat(unfreezeAnswer.get("code").asInt()).isEqualTo(200);
        assertThat(unfreezeAnswer.has("data")).as("unfreeze answers without data").isFalse();
    }

    @Test
    void freezeUnfreezeUnregisterErrors() throws Exception {
        String unknown = "505fop357f0d8299b92664fc91012ae88ed25269";
        for (ApiOperation op : List.of(ApiOperation.FREEZE, ApiOperation.UNREGISTER)) {
            for (ObjectNode p : List.of(Json.MAPPER.createObjectNode().put("identityId", unknown),
                    Json.MAPPER.createObjectNode().put("identityId", " "), Json.MAPPER.createObjectNode(),
                    Json.MAPPER.createObjectNode().put("identityId", 12))) {
                JsonNode env = sandbox.post(op, p).json();
                assertThat(env.get("code").asInt()).isEqualTo(460);
                assertThat(env.get("message").asText()).isEqualTo("identityId is blank");
            }
        }
        BusinessException e = catchThrowableOfType(BusinessException.class,
                () -> sandbox.service("zh-CN").unfreeze(unknown, NONE));
        assertThat(e.code()).isEqualTo(403);
        assertThat(e.apiMessage()).isEqualTo("request forbidden.");
        assertThat(e.localizedMsg()).isEqualTo("请求被禁止");
    }

    @Test
    void unregisterRemovesTheAccount() throws Exception {
        String id = register("gone", "13400134000", null);
        service.unregister(id, NONE);
        assertThat(catchThrowableOfType(BusinessException.class, () -> service.queryByPhone("13400134000", NONE)).code())
                .isEqualTo(2405);
        assertThat(catchThrowableOfType(BusinessException.class, () -> service.unregister(id, NONE)).code()).isEqualTo(460);
        // Its phone and login name are free again.
        assertThat(register("gone", "13400134000", null)).isNotEqualTo(id);
    }

    @Test
    void modifyChangesOnlyWhatIsGiven() throws Exception {
        String id = register("before", "13300133000", "before@example.com");
        service.modify(id, AccountChanges.builder().phone("13300133001").nickName("李雷").modifier("ops")
                .avatarUrl("https://img.example.com/a.png").build(), NONE);
        Account a = service.queryByPhone("13300133001", NONE).value();
        assertThat(a.identityId()).isEqualTo(id);
        assertThat(a.nickName()).isEqualTo("李雷");
        assertThat(a.modifier()).isEqualTo("ops");
        assertThat(a.loginName()).isEqualTo("before");
        assertThat(a.email()).isEqualTo("before@example.com");
        assertThat(a.avatarUrl()).isEqualTo("https://img.example.com/a.png");
        assertThat(a.gmtModified()).isGreaterThanOrEqualTo(a.gmtCreate());
    }

    @Test
    void modifyErrors() throws Exception {
        String id = register("mod", "13200132000", null);
        register("other", "13200132001", "other@example.com");
        assertThat(modifyCode(id, meta().put("phone", "13200132001"), TestSandbox.IOT_TOKEN)).isEqualTo(2478);
        assertThat(modifyCode(id, meta().put("email", "OTHER@example.com"), TestSandbox.IOT_TOKEN)).isEqualTo(2478);
        assertThat(modifyCode(id, meta().put("phone", "123"), TestSandbox.IOT_TOKEN)).isEqualTo(4004);
        assertThat(modifyCode("505fop0000000000000000000000000000000000", meta().put("phone", "13200132009"),
                TestSandbox.IOT_TOKEN)).isEqualTo(2442);
        assertThat(modifyCode(id, meta().put("nickName", "only a nick name"), TestSandbox.IOT_TOKEN))
                .as("phone or email is required").isEqualTo(460);
        assertThat(modifyCode(id, meta().put("phone", "13200132000"), "wrong-token")).isEqualTo(401);
        assertThat(modifyCode(id, meta().put("phone", "13200132000"), null)).isEqualTo(401);
        ObjectNode otherKey = Json.MAPPER.createObjectNode().put("appKey", "99999999").put("phone", "13200132000");
        JsonNode env = modify(id, otherKey, TestSandbox.IOT_TOKEN);
        assertThat(env.get("code").asInt()).isEqualTo(401);
        assertThat(env.get("message").asText()).isEqualTo("app key tenant id not match");
        ObjectNode noKey = Json.MAPPER.createObjectNode().put("phone", "13200132000");
        assertThat(modify(id, noKey, TestSandbox.IOT_TOKEN).get("code").asInt()).isEqualTo(460);
    }

    private static ObjectNode meta() {
        return Json.MAPPER.createObjectNode().put("appKey", TestSandbox.APP_KEY);
    }

    private static int modifyCode(String id, ObjectNode meta, String token) throws Exception {
        return modify(id, meta, token).get("code").asInt();
    }

    private static JsonNode modify(String id, ObjectNode meta, String token) throws Exception {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("id", "1509086454180");
        root.put("version", "1.0");
        ObjectNode request = root.putObject("request").put("apiVer", "1.0.4");
        if (token != null) {
            request.put("iotToken", token);
        }
        ObjectNode params = root.putObject("params");
        ObjectNode r = params.putObject("request");
        r.put("identityId", id);
        r.set("accountMetaV2", meta);
        return sandbox.postRaw(ApiOperation.MODIFY_ACCOUNT, Json.MAPPER.writeValueAsBytes(root)).json();
    }

    @Test
    void localizedMessagesFollowTheRequestedLanguage() throws Exception {
        BusinessException zh = catchThrowableOfType(BusinessException.class,
                () -> sandbox.service("zh-CN").queryByPhone("13000000002", NONE));
        assertThat(zh.localizedMsg()).isEqualTo("账号不存在");
        BusinessException en = catchThrowableOfType(BusinessException.class,
                () -> sandbox.service("en-US").queryByPhone("13000000002", NONE));
        assertThat(en.localizedMsg()).isEqualTo("The account does not exist.");
        BusinessException none = catchThrowableOfType(BusinessException.class,
                () -> sandbox.service("fr-FR").queryByPhone("13000000002", NONE));
        assertThat(none.localizedMsg()).isNull();
    }

    @Test
    void aPathCalledWithAnotherApiVersionIsServiceNotFound() throws Exception {
        byte[] body = ("{\"id\":\"1\",\"version\":\"1.0\",\"request\":{\"apiVer\":\"1.0.0\"},"
                + "\"params\":{\"phone\":\"13800138000\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode env = sandbox.postRaw(ApiOperation.QUERY_BY_PHONE, body).json();
        assertThat(env.get("code").asInt()).isEqualTo(404);
        assertThat(env.get("message").asText()).isEqualTo("service not found.");
    }
}
