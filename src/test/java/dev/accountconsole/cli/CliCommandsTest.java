package dev.accountconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accountconsole.api.Json;
import dev.accountconsole.api.Secret;
import dev.accountconsole.config.AppDirs;
import dev.accountconsole.config.Profile;
import dev.accountconsole.config.ProfileStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliCommandsTest {

    @Test
    void queryPrintsTheAccountAsOneJsonLineAndExitsZero() throws Exception {
        try (FakeGateway gw = new FakeGateway(r -> FakeGateway.success(
                FakeGateway.account("505fop0001", r.params().path("phone").asText()), "rid-1"))) {
            CliRun run = CliRun.run("", "query", "--phone", "13800000001", "--endpoint", gw.endpoint(),
                    "--language", "en-US");

            assertThat(run.status()).isZero();
            assertThat(run.stderr()).isEmpty();
            assertThat(run.stdoutLines()).hasSize(1);
            JsonNode account = Json.MAPPER.readTree(run.stdoutLines().get(0));
            assertThat(account.path("identityId").asText()).isEqualTo("505fop0001");
            assertThat(account.path("phone").asText()).isEqualTo("13800000001");

            RecordedRequest sent = gw.server.takeRequest(1, TimeUnit.SECONDS);
            assertThat(sent.getPath()).isEqualTo("/user/account/identity/query");
            assertThat(sent.getHeader("x-ca-key")).isEqualTo(CliRun.APP_KEY);
            assertThat(sent.getHeader("x-ca-signature")).isNotBlank();
        }
    }

    @Test
    void theDataPrintsExactlyAsItCameUnknownFieldsAndOrderIncluded() throws Exception {
        String data = "{\"phone\":\"13800000001\",\"identityId\":\"505fop0001\",\"tenantTag\":\"x\"}";
        try (FakeGateway gw = new FakeGateway(r -> new okhttp3.mockwebserver.MockResponse()
                .setHeader("X-Ca-Request-Id", "rid").setBody("{\"id\":\"rid\",\"code\":200,\"data\":" + data + "}"))) {
            CliRun run = CliRun.run("", "query-by-phone", "13800000001", "--endpoint", gw.endpoint());

            assertThat(run.status()).isZero();
            assertThat(run.stdoutLines()).containsExactly(data);
        }
    }

    @Test
    void aWriteWithoutDataPrintsNullSoEverySuccessIsOneLine() throws Exception {
        try (FakeGateway gw = new FakeGateway(r -> FakeGateway.success(null, "rid"))) {
            CliRun run = CliRun.run("", "unfreeze", "505fop0001", "505fop0002", "--endpoint", gw.endpoint());

            assertThat(run.status()).isZero();
            assertThat(run.stdoutLines()).containsExactly("null", "null");
        }
    }

    @Test
    void businessErrorIsOneStderrLineWithCodeMessagesAndRequestIdAndExitsTwo() throws Exception {
        try (FakeGateway gw = new FakeGateway(r -> FakeGateway.business(2405, "identity is not existed",
                "账号不存在", "rid-biz"))) {
            CliRun run = CliRun.run("", "query-by-phone", "13800000009", "--endpoint", gw.endpoint(),
                    "--language", "zh-CN");

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.stdout()).isEmpty();
            assertThat(run.stderrLines()).singleElement().satisfies(line -> assertThat(line)
                    .contains("13800000009", "2405", "identity is not existed", "账号不存在", "rid-biz")
                    .doesNotContain("2,405"));
        }
    }

    @Test
    void gatewayErrorNamesHttpStatusAndErrorMessageAndExitsThree() throws Exception {
        try (FakeGateway gw = new FakeGateway(r -> FakeGateway.gateway(400, "Invalid AppKey", "rid-gw"))) {
            CliRun run = CliRun.run("", "freeze", "505fop0001", "--endpoint", gw.endpoint(), "--language", "en-US");

            assertThat(run.status()).isEqualTo(3);
            assertThat(run.stdout()).isEmpty();
            assertThat(run.stderrLines()).singleElement().satisfies(line -> assertThat(line)
                    .contains("freeze 505fop0001", "HTTP 400", "Invalid AppKey", "rid-gw"));
        }
    }

    @Test
    void closedPortIsANetworkFailureAndExitsFour() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliRun run = CliRun.run("", "query-by-phone", "13800000001", "--endpoint", "http://127.0.0.1:" + port,
                "--timeout-ms", "300", "--language", "en-US");

        assertThat(run.status()).isEqualTo(4);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderrLines()).singleElement().satisfies(line -> assertThat(line)
                .contains("cannot connect", "request id"));
    }

    @Test
    void slowAnswerPastTheTimeoutExitsFour() throws Exception {
        try (FakeGateway gw = new FakeGateway(r -> FakeGateway.success("", "rid-slow")
                .throttleBody(1, 1, TimeUnit.SECONDS))) {
            CliRun run = CliRun.run("", "unfreeze", "505fop0001", "--endpoint", gw.endpoint(),
                    "--timeout-ms", "200", "--language", "en-US");

            assertThat(run.status()).isEqualTo(4);
            assertThat(run.stdout()).isEmpty();
            assertThat(run.stderr()).contains("unfreeze 505fop0001", "200 ms");
        }
    }

    @Test
    void unregisterWithoutYesRefusesAndSendsNothing() throws Exception {
        try (FakeGateway gw = new FakeGateway(r -> FakeGateway.success("", "rid"))) {
            CliRun run = CliRun.run("", "unregister", "505fop0001", "--endpoint", gw.endpoint(), "--language", "en-US");

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.stderr()).contains("--yes");
            assertThat(gw.requestCount()).isZero();

            CliRun confirmed = CliRun.run("", "unregister", "505fop0001", "--yes", "--endpoint", gw.endpoint());
            assertThat(confirmed.status()).isZero();
            assertThat(confirmed.stdoutLines()).containsExactly("\"\"");
        }
    }

    @Test
    void invalidInputIsRefusedInChineseBeforeAnythingIsSent() throws Exception {
        try (FakeGateway gw = new FakeGateway(r -> FakeGateway.success("", "rid"))) {
            CliRun run = CliRun.run("", "register", "--phone", "12345", "--endpoint", gw.endpoint(),
                    "--language", "zh-CN");

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.stdout()).isEmpty();
            assertThat(run.stderrLines()).singleElement().satisfies(line -> assertThat(line)
                    .contains("手机号", "11 位数字"));
            assertThat(gw.requestCount()).isZero();
        }
    }

    @Test
    void helpListsEveryCommandAndNoCommandIsAUsageError() {
        List<String> names = List.of("query", "query-by-phone", "list", "register", "modify", "freeze", "unfreeze",
                "unregister");
        CliRun help = CliRun.run("", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.stdout()).contains(names);

        CliRun commandHelp = CliRun.run("", "query-by-phone", "--help", "--language", "zh-CN");
        assertThat(commandHelp.status()).isZero();
        assertThat(commandHelp.stdout()).contains("用法：", "--concurrency", "--input");

        CliRun none = CliRun.run("");
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.stderr()).contains(names);
    }

    @Test
    void usageErrorsAreLocalizedAndNeverAStackTrace() {
        CliRun unknown = CliRun.run("", "query", "--no-such-option", "--language", "zh-CN");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.stderr()).contains("未知的命令或选项", "--no-such-option").doesNotContain("Exception", "\tat ");

        CliRun badNumber = CliRun.run("", "query", "--phone", "13800000001", "--timeout-ms", "soon");
        assertThat(badNumber.status()).isEqualTo(1);
        assertThat(badNumber.stderr()).contains("--timeout-ms", "soon").doesNotContain("Exception");

        CliRun twoWays = CliRun.run("", "query", "--phone", "13800000001", "--email", "a@example.com",
                "--language", "en-US");
        assertThat(twoWays.status()).isEqualTo(1);
        assertThat(twoWays.stderr()).contains("exactly one");
    }

    @Test
    void missingCredentialsAndTheBuiltInSandboxProfileAreUsageErrors(@TempDir Path home) {
        CliRun noKey = CliRun.runWithEnv(Map.of(), "", "freeze", "505fop0001", "--language", "en-US");
        assertThat(noKey.status()).isEqualTo(1);
        assertThat(noKey.stderr()).contains("ACCOUNT_CONSOLE_APP_KEY");

        CliRun sandbox = CliRun.runWithEnv(Map.of("ACCOUNT_CONSOLE_HOME", home.toString()), "",
                "freeze", "505fop0001", "--profile", "Sandbox", "--language", "en-US");
        assertThat(sandbox.status()).isEqualTo(1);
        assertThat(sandbox.stderr()).contains("built-in sandbox", "--endpoint");
    }

    @Test
    void aSavedProfileSuppliesEndpointAndKeysAndRefusesOverrides(@TempDir Path home) throws Exception {
        try (FakeGateway gw = new FakeGateway(r -> FakeGateway.success("", "rid-profile"))) {
            ProfileStore.open(AppDirs.under(home)).save(
                    new Profile("team", gw.endpoint(), "profile-key", 3000, "en-US", false),
                    Secret.of("profile-secret"), null);
            Map<String, String> env = Map.of("ACCOUNT_CONSOLE_HOME", home.toString());

            CliRun run = CliRun.runWithEnv(env, "", "freeze", "505fop0001", "--profile", "team");
            assertThat(run.stderr()).isEmpty();
            assertThat(run.status()).isZero();
            assertThat(gw.server.takeRequest(1, TimeUnit.SECONDS).getHeader("x-ca-key")).isEqualTo("profile-key");

            CliRun mixed = CliRun.runWithEnv(env, "", "freeze", "505fop0001", "--profile", "team",
                    "--app-key", "other", "--language", "en-US");
            assertThat(mixed.status()).isEqualTo(1);
            assertThat(mixed.stderr()).contains("--profile team");

            CliRun unknown = CliRun.runWithEnv(env, "", "freeze", "505fop0001", "--profile", "nobody",
                    "--language", "en-US");
            assertThat(unknown.status()).isEqualTo(1);
            assertThat(unknown.stderr()).contains("nobody");
            assertThat(gw.requestCount()).isEqualTo(1);
        }
    }

    @Test
    void appSecretOptionWorksWithAWarningAndTheSecretIsNeverPrinted() throws Exception {
        try (FakeGateway gw = new FakeGateway(r -> FakeGateway.gateway(400, "Invalid Signature", "rid"))) {
            CliRun run = CliRun.runWithEnv(Map.of(), "", "freeze", "505fop0001", "--app-key", "k",
                    "--app-secret", "very-secret-123", "--endpoint", gw.endpoint(), "--language", "en-US");

            assertThat(run.status()).isEqualTo(3);
            assertThat(run.stderrLines()).first().satisfies(line -> assertThat(line)
                    .contains("--app-secret", "ACCOUNT_CONSOLE_APP_SECRET"));
            assertThat(run.stdout() + run.stderr()).doesNotContain("very-secret-123");
        }
    }

    @Test
    void registerReadsThePasswordFromTheFirstLineOfStdinAndPrintsTheNewId() throws Exception {
        try (FakeGateway gw = new FakeGateway(r -> {
            assertThat(r.params().path("password").asText()).isEqualTo("s3cret-pass");
            return FakeGateway.success("505fopNEW", "rid-reg");
        })) {
            CliRun run = CliRun.run("s3cret-pass\nignored\n", "register", "--login-name", "alice",
                    "--password-stdin", "--endpoint", gw.endpoint());

            assertThat(run.status()).isZero();
            assertThat(run.stdoutLines()).containsExactly("\"505fopNEW\"");
            assertThat(run.stdout() + run.stderr()).doesNotContain("s3cret-pass");
        }
    }

    @Test
    void modifySendsTheIotTokenAndResendsTheCurrentPhoneWhenNeitherPhoneNorEmailChanges() throws Exception {
        try (FakeGateway gw = new FakeGateway(r -> {
            if (r.path().equals("/iotx/account/queryIdentityList")) {
                return FakeGateway.success(List.of(FakeGateway.account("505fop0001", "13800000001")), "rid-list");
            }
            JsonNode meta = r.params().path("request").path("accountMetaV2");
            assertThat(r.envelope().path("request").path("iotToken").asText()).isEqualTo("tok-1");
            assertThat(meta.path("nickName").asText()).isEqualTo("Al");
            assertThat(meta.path("phone").asText()).isEqualTo("13800000001");
            return FakeGateway.success("", "rid-mod");
        })) {
            CliRun run = CliRun.runWithEnv(Map.of("ACCOUNT_CONSOLE_APP_KEY", "k", "ACCOUNT_CONSOLE_APP_SECRET", "s",
                    "ACCOUNT_CONSOLE_IOT_TOKEN", "tok-1"), "", "modify", "505fop0001", "--nick-name", "Al",
                    "--endpoint", gw.endpoint());

            assertThat(run.stderr()).isEmpty();
            assertThat(run.status()).isZero();
            assertThat(run.stdoutLines()).containsExactly("\"\"");
        }
    }
}
