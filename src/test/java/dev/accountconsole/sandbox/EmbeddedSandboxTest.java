package dev.accountconsole.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.account.AccountService;
import dev.accountconsole.account.AccountChanges;
import dev.accountconsole.api.Cancellation;
import dev.accountconsole.api.GatewayClient;
import dev.accountconsole.config.AppDirs;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's default profile: nothing to configure, credentials private and kept, demo data once. */
class EmbeddedSandboxTest {

    @Test
    void firstStartCreatesPrivateCredentialsAndDemoDataLaterStartsReuseThem(@TempDir Path home) throws Exception {
        AppDirs dirs = AppDirs.under(home);
        String appKey;
        String phone = DemoData.phone(3);
        try (EmbeddedSandbox sandbox = EmbeddedSandbox.startForConsole(dirs, 40)) {
            assertThat(sandbox.credentials().created()).isTrue();
            appKey = sandbox.credentials().appKey();
            assertThat(appKey).matches("[1-9][0-9]{7}");
            assertThat(sandbox.credentials().appSecret().reveal()).hasSize(32);
            assertThat(sandbox.credentials().iotToken().reveal()).matches("[0-9a-f]{32}");
            assertThat(sandbox.server().baseUri().getHost()).isEqualTo("127.0.0.1");
            assertThat(sandbox.server().store().count()).isEqualTo(40);
            AccountService service = new AccountService(new GatewayClient(sandbox.clientSettings()));
            var account = service.queryByPhone(phone, Cancellation.none()).value();
            service.modify(account.identityId(), AccountChanges.builder().phone(phone).nickName("改过的").build(),
                    Cancellation.none());
        }
        Path file = dirs.sandboxData().resolve(EmbeddedCredentials.FILE_NAME);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        try (EmbeddedSandbox again = EmbeddedSandbox.startForConsole(dirs, 40)) {
            assertThat(again.credentials().created()).isFalse();
            assertThat(again.credentials().appKey()).isEqualTo(appKey);
            assertThat(again.server().store().count()).as("no second demo seeding").isEqualTo(40);
            AccountService service = new AccountService(new GatewayClient(again.clientSettings()));
            assertThat(service.queryByPhone(phone, Cancellation.none()).value().nickName()).isEqualTo("改过的");
        }
    }

    @Test
    void demoDataIsVaried(@TempDir Path dir) throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(SandboxConfig.builder(dir)
                .key(TestSandbox.APP_KEY, TestSandbox.APP_SECRET)
                .iotToken(dev.accountconsole.api.Secret.of(TestSandbox.IOT_TOKEN)).demoCount(300))) {
            AccountService service = sandbox.service();
            List<dev.accountconsole.account.Account> all = new java.util.ArrayList<>();
            for (int i = 0; i < 300; i++) {
                all.add(service.queryByPhone(DemoData.phone(i), Cancellation.none()).value());
            }
            assertThat(all).anyMatch(a -> a.nickName() != null && a.nickName().codePoints().anyMatch(c -> c >= 0x4E00));
            assertThat(all).anyMatch(a -> a.nickName() != null && a.nickName().matches("[A-Za-zé' ü]+"));
            assertThat(all).anyMatch(a -> "86".equals(a.phoneLocationCode()));
            assertThat(all).anyMatch(a -> a.phoneLocationCode() == null);
            assertThat(all).anyMatch(a -> "44".equals(a.phoneLocationCode()));
            assertThat(all).anyMatch(a -> Boolean.TRUE.equals(a.frozen()));
            assertThat(all).anyMatch(a -> a.avatarUrl() != null);
            assertThat(all).anyMatch(a -> a.email() != null);
            assertThat(all).allMatch(a -> a.identityId().length() == 40 && a.identityId().startsWith("op", 4));
        }
    }
}
