package dev.accountconsole.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.cloudapi.sdk.model.ApiResponse;
import com.aliyun.iotx.api.client.IoTApiClientBuilderParams;
import com.aliyun.iotx.api.client.IoTApiRequest;
import com.aliyun.iotx.api.client.SyncApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.api.Json;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vendor's own Java SDK, which signs a different header set in hash-map order, is accepted. */
class VendorSdkTest {
    @TempDir
    static Path dir;
    static TestSandbox sandbox;
    static SyncApiClient client;
    static String host;

    @BeforeAll
    static void start() throws Exception {
        sandbox = TestSandbox.start(dir);
        IoTApiClientBuilderParams params = new IoTApiClientBuilderParams();
        params.setAppKey(TestSandbox.APP_KEY);
        params.setAppSecret(TestSandbox.APP_SECRET);
        client = new SyncApiClient(params);
        host = "127.0.0.1:" + sandbox.server.port();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static IoTApiRequest request(ApiOperation op) {
        IoTApiRequest r = new IoTApiRequest();
        r.setId(UUID.randomUUID().toString().replace("-", ""));
        r.setApiVer(op.apiVersion());
        return r;
    }

    private static JsonNode call(ApiOperation op, IoTApiRequest request) throws Exception {
        Map<String, String> headers = new HashMap<>(8);
        ApiResponse response = client.postBody(host, op.path(), request, false, headers);
        assertThat(response.getCode()).as("%s: %s", op, response.getFirstHeaderValue("x-ca-error-message")).isEqualTo(200);
        JsonNode env = Json.MAPPER.readTree(response.getBody());
        assertThat(env.get("id").asText()).isEqualTo(response.getFirstHeaderValue("x-ca-request-id"));
        return env;
    }

    @Test
    void registerQueryListModifyFreezeUnfreezeUnregisterThroughTheVendorSdk() throws Exception {
        IoTApiRequest register = request(ApiOperation.REGISTER);
        register.putParam("loginName", "vendor.sdk");
        register.putParam("phone", "15757286621");
        register.putParam("nickName", "供应商SDK");
        register.putParam("creater", "郑士林");
        JsonNode registered = call(ApiOperation.REGISTER, register);
        assertThat(registered.get("code").asInt()).isEqualTo(200);
        String id = registered.get("data").asText();

        IoTApiRequest byPhone = request(ApiOperation.QUERY_BY_PHONE);
        byPhone.putParam("phone", "15757286621");
        JsonNode found = call(ApiOperation.QUERY_BY_PHONE, byPhone);
        assertThat(found.path("data").path("identityId").asText()).isEqualTo(id);
        assertThat(found.path("data").path("nickName").asText()).isEqualTo("供应商SDK");

        IoTApiRequest identity = request(ApiOperation.QUERY_IDENTITY);
        identity.putParam("opType", 2);
        identity.putParam("phone", "15757286621");
        assertThat(call(ApiOperation.QUERY_IDENTITY, identity).path("data").path("identityId").asText()).isEqualTo(id);

        IoTApiRequest list = request(ApiOperation.QUERY_IDENTITY_LIST);
        list.putParam("request", Map.of("identityIds", List.of(id)));
        assertThat(call(ApiOperation.QUERY_IDENTITY_LIST, list).path("data").get(0).path("identityId").asText()).isEqualTo(id);

        IoTApiRequest modify = request(ApiOperation.MODIFY_ACCOUNT);
        modify.setIotToken(TestSandbox.IOT_TOKEN);
        modify.putParam("request", Map.of("identityId", id,
                "accountMetaV2", Map.of("phone", "15757286622", "appKey", TestSandbox.APP_KEY, "nickName", "test")));
        assertThat(call(ApiOperation.MODIFY_ACCOUNT, modify).get("code").asInt()).isEqualTo(200);

        IoTApiRequest freeze = request(ApiOperation.FREEZE);
        freeze.putParam("identityId", id);
        assertThat(call(ApiOperation.FREEZE, freeze).get("code").asInt()).isEqualTo(200);
        IoTApiRequest unfreeze = request(ApiOperation.UNFREEZE);
        unfreeze.putParam("identityId", id);
        assertThat(call(ApiOperation.UNFREEZE, unfreeze).get("code").asInt()).isEqualTo(200);
        IoTApiRequest unregister = request(ApiOperation.UNREGISTER);
        unregister.putParam("identityId", id);
        assertThat(call(ApiOperation.UNREGISTER, unregister).get("code").asInt()).isEqualTo(200);

        IoTApiRequest gone = request(ApiOperation.QUERY_BY_PHONE);
        gone.putParam("phone", "15757286622");
        assertThat(call(ApiOperation.QUERY_BY_PHONE, gone).get("code").asInt()).isEqualTo(2405);
    }

    @Test
    void theVendorSdkSeesGatewayErrorsAsHttpStatusAndHeader() throws Exception {
        IoTApiClientBuilderParams wrong = new IoTApiClientBuilderParams();
        wrong.setAppKey(TestSandbox.APP_KEY);
        wrong.setAppSecret("wrong-secret");
        IoTApiRequest r = request(ApiOperation.QUERY_BY_PHONE);
        r.putParam("phone", "15757286621");
        ApiResponse response = new SyncApiClient(wrong).postBody(host, ApiOperation.QUERY_BY_PHONE.path(), r, false,
                new HashMap<>());
        assertThat(response.getCode()).isEqualTo(400);
        assertThat(response.getFirstHeaderValue("x-ca-error-message")).startsWith("Invalid Signature");
    }
}
