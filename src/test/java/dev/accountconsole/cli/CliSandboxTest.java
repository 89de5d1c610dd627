package dev.accountconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accountconsole.api.Json;
import dev.accountconsole.api.Secret;
import dev.accountconsole.sandbox.SandboxConfig;
import dev.accountconsole.sandbox.SandboxServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end against the real sandbox gateway: real signing, real envelopes, real errors. */
class CliSandboxTest {
    private static final String APP_KEY = "31415926";
    private static final String APP_SECRET = "sandbox-cli-test-secret";
    private static final String IOT_TOKEN = "cli-test-iot-token";

    @TempDir
    static Path dataDir;

    private static SandboxServer sandbox;

    @BeforeAll
    static void startSandbox() throws IOException {
        sandbox = SandboxServer.start(SandboxConfig.builder(dataDir).key(APP_KEY, APP_SECRET)
                .iotToken(Secret.of(IOT_TOKEN)).build());
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static CliRun cli(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", sandbox.baseUri().toString()));
        return CliRun.runWithEnv(Map.of(ConnectionOptions.ENV_APP_KEY, APP_KEY,
                ConnectionOptions.ENV_APP_SECRET, APP_SECRET, ConnectionOptions.ENV_IOT_TOKEN, IOT_TOKEN),
                stdin, all.toArray(String[]::new));
    }

    @Test
    void anAccountsWholeLifeThroughTheCommandLine() throws IOException {
        CliRun registered = cli("first-password\n", "register", "--login-name", "cli.life", "--phone", "13912340001",
                "--nick-name", "命令行", "--password-stdin");
        assertThat(registered.stderr()).isEmpty();
        assertThat(registered.status()).isZero();
        String id = Json.MAPPER.readTree(registered.stdout()).asText();
        assertThat(id).isNotBlank();

        CliRun byPhone = cli("", "query", "--phone", "13912340001");
        assertThat(byPhone.status()).isZero();
        JsonNode account = Json.MAPPER.readTree(byPhone.stdout());
        assertThat(account.path("identityId").asText()).isEqualTo(id);
        assertThat(account.path("nickName").asText()).isEqualTo("命令行");
        assertThat(byPhone.stdout()).doesNotContain("first-password");

        assertThat(cli("", "modify", id, "--nick-name", "renamed").status()).isZero();
        assertThat(cli("", "freeze", id).stdoutLines()).containsExactly("\"\"");
        CliRun listed = cli("", "list", id, "505fop0000000000000000000000000000000000");
        assertThat(listed.status()).isZero();
        assertThat(listed.stdoutLines()).singleElement().satisfies(line -> {
            JsonNode a = Json.MAPPER.readTree(line);
            assertThat(a.path("nickName").asText()).isEqualTo("renamed");
            assertThat(a.path("frozen").asBoolean()).isTrue();
        });
        assertThat(cli("", "unfreeze", id).status()).isZero();

        assertThat(cli("", "unregister", id).status()).isEqualTo(1);
        assertThat(cli("", "unregister", id, "--yes").status()).isZero();

        CliRun gone = cli("", "query-by-phone", "13912340001", "--language", "zh-CN");
        assertThat(gone.status()).isEqualTo(2);
        assertThat(gone.stdout()).isEmpty();
        assertThat(gone.stderr()).contains("2405", "identity is not existed", "请求 ID");
    }

    @Test
    void aWrongSecretIsAGatewayError() {
        CliRun run = CliRun.runWithEnv(Map.of(ConnectionOptions.ENV_APP_KEY, APP_KEY,
                ConnectionOptions.ENV_APP_SECRET, "not-the-secret"), "", "query-by-phone", "13912340002",
                "--endpoint", sandbox.baseUri().toString(), "--language", "en-US");

        assertThat(run.status()).isEqualTo(3);
        assertThat(run.stderr()).contains("HTTP 400", "Invalid Signature");
    }

    @Test
    void bulkLookupsFromAFileComeBackInInputOrderWithTheMissesOnStderr(@TempDir Path dir) throws IOException {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String phone = String.format("1370000%04d", i);
            phones.add(phone);
            if (i % 4 != 3) {
                assertThat(cli("", "register", "--phone", phone).status()).isZero();
            }
        }
        Path file = dir.resolve("phones.txt");
        Files.write(file, phones, StandardCharsets.UTF_8);

        CliRun run = cli("", "query-by-phone", "--input", file.toString(), "--concurrency", "8", "--language", "en-US");

        assertThat(run.status()).isEqualTo(2);
        List<String> found = run.stdoutLines().stream().map(l -> {
            try {
                return Json.MAPPER.readTree(l).path("phone").asText();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(found).containsExactlyElementsOf(phones.stream().filter(p -> phones.indexOf(p) % 4 != 3).toList());
        assertThat(run.stderrLines()).hasSize(10).allSatisfy(line -> assertThat(line).contains("2405"));
    }
}
