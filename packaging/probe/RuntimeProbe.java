import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import dev.accountconsole.account.AccountService;
import dev.accountconsole.account.Registration;
import dev.accountconsole.api.Cancellation;
import dev.accountconsole.api.ClientSettings;
import dev.accountconsole.api.GatewayClient;
import dev.accountconsole.api.Secret;
import dev.accountconsole.sandbox.SandboxConfig;
import dev.accountconsole.sandbox.SandboxServer;

/**
 * Proves that the jlinked runtime holds every JDK module the application's libraries reach at run
 * time, including those jdeps cannot see: run with the packaged runtime's java and the packaged
 * jars. One line per check; exit 0 when all pass. Independent of the console and CLI code.
 */
public final class RuntimeProbe {
    private RuntimeProbe() {
    }

    public static void main(String[] args) throws Exception {
        check("charsets: GBK and GB18030 (jdk.charsets)",
                () -> Charset.forName("GBK").newEncoder().canEncode("账号")
                        && Charset.forName("GB18030").newEncoder().canEncode("账号"));
        check("locale data: Chinese day names (jdk.localedata)",
                () -> DateTimeFormatter.ofPattern("EEEE", Locale.SIMPLIFIED_CHINESE)
                        .format(LocalDate.of(2026, 11, 23)).equals("星期一"));
        check("crypto: HmacSHA256, EC keys and signatures, TLS 1.3", () -> {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("k".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.doFinal("v".getBytes(StandardCharsets.UTF_8));
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(256);
            Signature sig = Signature.getInstance("SHA256withECDSA");
            sig.initSign(ec.generateKeyPair().getPrivate());
            SSLContext tls = SSLContext.getInstance("TLSv1.3");
            tls.init(null, null, null);
            return tls.createSSLEngine().getSupportedProtocols().length > 0;
        });
        check("H2 embedded database (java.sql)", () -> {
            try (Connection c = DriverManager.getConnection("jdbc:h2:mem:probe");
                    ResultSet r = c.createStatement().executeQuery("select 1")) {
                return r.next() && r.getInt(1) == 1;
            }
        });
        check("bcrypt", () -> BCrypt.verifyer().verify("pw".toCharArray(),
                BCrypt.withDefaults().hashToString(4, "pw".toCharArray())).verified);
        check("sandbox gateway (Jetty, H2), signed client (OkHttp, Jackson)", () -> {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("probe-sandbox");
            try (SandboxServer server = SandboxServer.start(SandboxConfig.builder(dir)
                    .key("12345678", "probe-secret-0123456789").iotToken(Secret.of("probe-token")).build())) {
                AccountService service = new AccountService(new GatewayClient(
                        new ClientSettings(server.baseUri(), "12345678", Secret.of("probe-secret-0123456789"))));
                String id = service.register(Registration.builder().phone("13800001111").nickName("测试")
                        .build(), Cancellation.none()).value();
                return "测试".equals(service.queryByPhone("13800001111", Cancellation.none()).value().nickName())
                        && id.length() == 40;
            }
        });
        System.out.println(failures == 0 ? "runtime probe: all passed" : "runtime probe: " + failures + " failed");
        System.exit(failures == 0 ? 0 : 1);
    }

    private static int failures;

    private interface Check {
        boolean run() throws Exception;
    }

    private static void check(String name, Check check) {
        String outcome;
        try {
            outcome = check.run() ? "ok" : "FAILED";
        } catch (Throwable e) {
            outcome = "FAILED: " + e;
        }
        if (!outcome.equals("ok")) {
            failures++;
        }
        System.out.println(name + ": " + outcome);
    }
}
