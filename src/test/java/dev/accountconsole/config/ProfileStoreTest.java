package dev.accountconsole.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.api.ClientSettings;
import dev.accountconsole.api.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {
    @TempDir
    Path home;

    @Test
    void profilesPersistAndSecretsAreEncryptedOwnerOnly() throws Exception {
        AppDirs dirs = AppDirs.under(home);
        ProfileStore store = ProfileStore.open(dirs);
        Profile prod = new Profile("Production", "https://api.link.aliyun.com", "24681357", 3000, "zh-CN", false);
        store.save(prod, Secret.of("TOP-SECRET-VALUE"), Secret.of("iot-token-value"));

        ProfileStore reopened = ProfileStore.open(dirs);
        assertThat(reopened.list()).containsExactly(prod);
        assertThat(reopened.appSecret("Production")).contains(Secret.of("TOP-SECRET-VALUE"));
        ClientSettings s = reopened.clientSettings(prod, "en-US");
        assertThat(s.language()).isEqualTo("zh-CN");
        assertThat(s.iotToken()).isEqualTo(Secret.of("iot-token-value"));

        for (Path f : new Path[] {dirs.config().resolve("profiles.json"), dirs.data().resolve("secrets.json"),
                dirs.data().resolve("secrets.key")}) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContain("TOP-SECRET-VALUE").doesNotContain("iot-token-value");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        }
    }

    @Test
    void nullKeepsAndEmptyRemovesASecret() throws Exception {
        ProfileStore store = ProfileStore.open(AppDirs.under(home));
        Profile p = new Profile("P", "http://127.0.0.1:1", "k", 0, null, false);
        store.save(p, Secret.of("one"), Secret.of("t"));
        store.save(p.withAppKey("k2"), null, Secret.of(""));
        assertThat(store.appSecret("P")).contains(Secret.of("one"));
        assertThat(store.iotToken("P")).isEmpty();
        assertThat(store.find("P").orElseThrow().appKey()).isEqualTo("k2");
        assertThat(store.find("P").orElseThrow().timeoutMillis()).isEqualTo(3000);
        store.delete("P");
        assertThat(store.list()).isEmpty();
        assertThat(store.appSecret("P")).isEmpty();
    }

    @Test
    void aCiphertextMovedToAnotherNameDoesNotDecrypt() throws Exception {
        EncryptedFileSecretStore secrets = new EncryptedFileSecretStore(home);
        secrets.put("a/appSecret", Secret.of("x"));
        Path file = home.resolve("secrets.json");
        String json = Files.readString(file).replace("a/appSecret", "b/appSecret");
        Files.writeString(file, json);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> secrets.get("b/appSecret"))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void environmentBadge() {
        assertThat(Profile.forBuiltInSandbox().environment()).isEqualTo(Profile.Environment.SANDBOX);
        assertThat(new Profile("a", "http://127.0.0.1:8080", "k", 0, null, false).environment())
                .isEqualTo(Profile.Environment.SANDBOX);
        assertThat(new Profile("a", "http://localhost:8080", "k", 0, null, false).environment())
                .isEqualTo(Profile.Environment.SANDBOX);
        assertThat(new Profile("a", "https://api.link.aliyun.com", "k", 0, null, false).environment())
                .isEqualTo(Profile.Environment.PRODUCTION);
        assertThat(new Profile("a", "https://sandbox.example.com", "k", 0, null, false).environment())
                .as("unknown hosts get production's care").isEqualTo(Profile.Environment.PRODUCTION);
    }

    @Test
    void appDirsFollowEachOperatingSystem() {
        AppDirs linux = AppDirs.resolve(null, Map.of(), "Linux", "/home/ann");
        assertThat(linux.config()).isEqualTo(Path.of("/home/ann/.config/account-console"));
        assertThat(linux.data()).isEqualTo(Path.of("/home/ann/.local/share/account-console"));
        AppDirs xdg = AppDirs.resolve(null, Map.of("XDG_DATA_HOME", "/x/data"), "Linux", "/home/ann");
        assertThat(xdg.sandboxData()).isEqualTo(Path.of("/x/data/account-console/sandbox"));
        AppDirs win = AppDirs.resolve(null, Map.of("APPDATA", "C:/Users/ann/AppData/Roaming"), "Windows 11", "C:/Users/ann");
        assertThat(win.data()).isEqualTo(Path.of("C:/Users/ann/AppData/Roaming/AccountConsole"));
        AppDirs mac = AppDirs.resolve(null, Map.of(), "Mac OS X", "/Users/ann");
        assertThat(mac.data()).isEqualTo(Path.of("/Users/ann/Library/Application Support/Account Console"));
        assertThat(AppDirs.resolve("/tmp/h", Map.of(), "Linux", "/home/ann").data()).isEqualTo(Path.of("/tmp/h/data"));
    }
}
