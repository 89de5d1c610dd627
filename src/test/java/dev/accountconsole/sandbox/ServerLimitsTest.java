package dev.accountconsole.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.api.Secret;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounded connections and a versioned schema. */
class ServerLimitsTest {

    @Test
    void connectionsBeyondTheLimitAreAnswered503AndClosed(@TempDir Path dir) throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(SandboxConfig.builder(dir)
                .key(TestSandbox.APP_KEY, TestSandbox.APP_SECRET).iotToken(Secret.of(TestSandbox.IOT_TOKEN))
                .maxConnections(2))) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    held.add(new Socket("127.0.0.1", sandbox.server.port()));
                }
                try (Socket third = new Socket("127.0.0.1", sandbox.server.port())) {
                    third.setSoTimeout(10_000);
                    InputStream in = third.getInputStream();
                    String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                    assertThat(answer).startsWith("HTTP/1.1 503").contains("X-Ca-Error-Message: Service Unavailable")
                            .contains("X-Ca-Request-Id: ");
                }
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    @Test
    void theSchemaIsVersionedAndReopeningKeepsIt(@TempDir Path dir) throws Exception {
        try (TestSandbox sandbox = TestSandbox.start(dir)) {
            assertThat(sandbox.server.store().schemaVersion()).isEqualTo(1);
        }
        try (TestSandbox again = TestSandbox.start(dir)) {
            assertThat(again.server.store().schemaVersion()).isEqualTo(1);
        }
    }
}
