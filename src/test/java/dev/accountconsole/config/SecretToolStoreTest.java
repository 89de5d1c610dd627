package dev.accountconsole.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.api.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keyring store against a stand-in for libsecret's {@code secret-tool} (same arguments, secret on
 * stdin and stdout, exit 1 when not found): no keyring daemon runs on a build machine.
 */
class SecretToolStoreTest {
    @TempDir
    Path dir;

    private Map<String, String> fakeTool() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path vault = Files.createDirectories(dir.resolve("vault"));
        Path script = bin.resolve("secret-tool");
        Files.writeString(script, """
                #!/bin/sh
                echo "$@" >> "%1$s/argv.log"
                cmd=$1; shift
                key=""; while [ $# -gt 0 ]; do [ "$1" = key ] && key=$2; shift; done
                f="%1$s/$(echo "$key" | tr '/' '_')"
                case "$cmd" in
                  store) cat > "$f" ;;
                  lookup) [ -f "$f" ] || exit 1; cat "$f" ;;
                  clear) rm -f "$f" ;;
                  *) exit 2 ;;
                esac
                """.formatted(vault));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return Map.of("PATH", bin.toString(), "DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
    }

    @Test
    void roundTripWithTheSecretNeverOnTheCommandLine() throws Exception {
        SecretToolStore store = SecretToolStore.available(fakeTool()).orElseThrow();
        store.put("Production/appSecret", Secret.of("TOP-SECRET-ÄÖ-密钥"));
        assertThat(store.get("Production/appSecret")).contains(Secret.of("TOP-SECRET-ÄÖ-密钥"));
        assertThat(store.get("Other/appSecret")).isEmpty();
        store.remove("Production/appSecret");
        assertThat(store.get("Production/appSecret")).isEmpty();
        assertThat(Files.readString(dir.resolve("vault/argv.log"))).doesNotContain("TOP-SECRET")
                .contains("service dev.accountconsole key Production/appSecret");
    }

    @Test
    void notAvailableWithoutASessionBusOrTheTool() throws Exception {
        Map<String, String> env = fakeTool();
        assertThat(SecretToolStore.available(Map.of("PATH", env.get("PATH")))).isEmpty();
        assertThat(SecretToolStore.available(Map.of("PATH", dir.toString(), "DBUS_SESSION_BUS_ADDRESS", "x")))
                .isEmpty();
    }

    @Test
    void secretsSavedBeforeAKeyringExistedMoveIntoIt() throws Exception {
        EncryptedFileSecretStore file = new EncryptedFileSecretStore(dir.resolve("data"));
        file.put("P/appSecret", Secret.of("old"));
        LayeredSecretStore layered = new LayeredSecretStore(SecretToolStore.available(fakeTool()).orElseThrow(), file);
        assertThat(layered.get("P/appSecret")).contains(Secret.of("old"));
        layered.put("P/appSecret", Secret.of("new"));
        assertThat(file.get("P/appSecret")).isEmpty();
        assertThat(layered.get("P/appSecret")).contains(Secret.of("new"));
    }
}
