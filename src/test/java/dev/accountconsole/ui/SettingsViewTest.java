package dev.accountconsole.ui;

import static dev.accountconsole.ui.ConsoleFixture.await;
import static dev.accountconsole.ui.ConsoleFixture.fill;
import static dev.accountconsole.ui.ConsoleFixture.node;
import static dev.accountconsole.ui.ConsoleFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.api.Secret;
import dev.accountconsole.config.AppDirs;
import dev.accountconsole.config.Profile;
import dev.accountconsole.config.ProfileStore;
import dev.accountconsole.ui.common.BackgroundTask;
import dev.accountconsole.ui.common.FxTaskExecutor;
import dev.accountconsole.ui.common.ProblemBanner;
import dev.accountconsole.ui.common.TaskExecutor;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Profiles: "Test connection" on the sandbox, its failures ready for a ticket, and a production
 * profile that no operator can mistake.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {
    @TempDir
    static Path home;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        console = ConsoleFixture.start(stage, home.resolve(String.valueOf(System.nanoTime())));
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void testConnectionOnTheSandboxReportsLatencyAndRequestId(FxRobot robot) throws Exception {
        console.awaitReady();
        robot.clickOn("#navSettings");
        assertThat(text(robot, "#endpointField")).isEqualTo(console.server.baseUri().toString());
        robot.clickOn("#testButton");
        await(() -> text(robot, "#statusLabel") != null && text(robot, "#statusLabel").startsWith("Connection works"));
        assertThat(text(robot, "#statusLabel")).contains(console.session.lastRequestIdProperty().get());
    }

    @Test
    void aRememberedProductionProfileIsNeverShownAsTheSandboxWhileItOpens(FxRobot robot) throws Exception {
        console.awaitReady();
        AppDirs dirs = console.session.dirs();
        ProfileStore.open(dirs).save(new Profile("Production CN", "https://api.link.aliyun.com", "12345678", 3000, null, false),
                Secret.of("prod-secret-value"), Secret.of("prod-token"));
        UiPreferences.load(dirs.config()).withActiveProfile("Production CN").save(dirs.config());
        console.closeWindow(robot);

        // The next start, its background work held: the profile store is being opened.
        HeldExecutor held = new HeldExecutor();
        ConsoleSession[] session = new ConsoleSession[1];
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            session[0] = new ConsoleSession(dirs, held, () -> {
                throw new IllegalStateException("a saved profile, not the sandbox, is to be opened");
            });
            window[0] = new MainWindow(new Stage(), session[0]);
            window[0].show();
            session[0].connect();
        });
        try {
            Node root = window[0].stage().getScene().getRoot();
            Node badge = root.lookup("#environmentBadge");
            assertThat(((javafx.scene.control.Label) badge).getText()).isEqualTo("OPENING…");
            assertThat(badge.getStyleClass()).contains("badge-pending").doesNotContain("badge-sandbox");
            assertThat(((javafx.scene.control.Label) root.lookup("#profileName")).getText()).isEqualTo("Production CN");

            robot.interact(held::release);
            await(() -> "PRODUCTION".equals(((javafx.scene.control.Label) badge).getText()));
            assertThat(badge.getStyleClass()).contains("badge-production").doesNotContain("badge-pending");
            assertThat(root.getStyleClass()).contains("production");
        } finally {
            robot.interact(() -> window[0].stage().hide());
            session[0].close();
        }
    }

    /** Holds background tasks until released, so that a test sees the state before they finish. */
    private static final class HeldExecutor implements TaskExecutor {
        private final FxTaskExecutor real = new FxTaskExecutor();
        private final List<BackgroundTask<?>> held = new ArrayList<>();
        private boolean released;

        @Override
        public synchronized <T> void execute(BackgroundTask<T> task) {
            if (released) {
                real.execute(task);
            } else {
                held.add(task);
            }
        }

        synchronized void release() {
            released = true;
            held.forEach(this::submit);
            held.clear();
        }

        private <T> void submit(BackgroundTask<T> task) {
            real.execute(task);
        }

        @Override
        public void shutdown() {
            real.shutdown();
        }
    }

    @Test
    void aProductionProfileIsSavedEncryptedAndMarkedRed(FxRobot robot) throws Exception {
        console.awaitReady();
        assertThat(text(robot, "#environmentBadge")).isEqualTo("SANDBOX");
        robot.clickOn("#navSettings");
        robot.clickOn("#newProfileButton");
        fill(robot, "#nameField", "Production CN");
        fill(robot, "#endpointField", "https://api.link.aliyun.com");
        fill(robot, "#appKeyField", "12345678");
        fill(robot, "#appSecretField", "prod-secret-value");
        fill(robot, "#iotTokenField", "prod-token");
        robot.clickOn("#saveButton");
        await(() -> console.session.profileProperty().get().name().equals("Production CN"));
        assertThat(console.session.profileProperty().get().environment()).isEqualTo(Profile.Environment.PRODUCTION);
        assertThat(text(robot, "#environmentBadge")).isEqualTo("PRODUCTION");
        Node root = console.window.stage().getScene().getRoot();
        assertThat(root.getStyleClass()).contains("production");
        assertThat(((Node) node(robot, "#environmentBadge")).getStyleClass()).contains("badge-production");
        assertThat(text(robot, "#appSecretField")).as("a saved secret is not shown again").isEmpty();

        ProfileStore store = ProfileStore.open(console.session.dirs());
        assertThat(store.appSecret("Production CN").orElseThrow().reveal()).isEqualTo("prod-secret-value");
        assertThat(java.nio.file.Files.readString(console.session.dirs().config().resolve("profiles.json")))
                .doesNotContain("prod-secret-value");
        assertThat(UiPreferences.load(console.session.dirs().config()).activeProfile()).isEqualTo("Production CN");

        robot.clickOn("#useSandboxButton");
        await(() -> "SANDBOX".equals(text(robot, "#environmentBadge")));
    }

    private static String clipboard(FxRobot robot) {
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
        return clip[0];
    }

    /** The banner's own visibility first: its buttons keep theirs while it is hidden. */
    private static void awaitTicketButton(FxRobot robot) throws Exception {
        ProblemBanner banner = node(robot, "#problemBanner");
        Button ticket = node(robot, "#problemTicket");
        await(() -> banner.isVisible() && ticket.isVisible());
    }

    private void testNewProfile(FxRobot robot, String name, String endpoint, String secret) {
        robot.clickOn("#navSettings");
        robot.clickOn("#newProfileButton");
        fill(robot, "#nameField", name);
        fill(robot, "#endpointField", endpoint);
        fill(robot, "#appKeyField", ConsoleFixture.APP_KEY);
        fill(robot, "#appSecretField", secret);
        robot.clickOn("#testButton");
    }

    @Test
    void aFailedConnectionTestIsCopiedForATicketWithTheProfileItTested(FxRobot robot) throws Exception {
        console.awaitReady();
        String wrongSecret = "not-the-sandbox-secret-42";
        testNewProfile(robot, "Local, wrong secret", console.server.baseUri().toString(), wrongSecret);
        awaitTicketButton(robot);
        assertThat(text(robot, "#problemMessage")).contains("signature");
        String requestIdLine = text(robot, "#problemRequestId");
        robot.interact(() -> Clipboard.getSystemClipboard().clear());

        robot.clickOn("#problemTicket");

        String copied = clipboard(robot);
        assertThat(copied).startsWith(requestIdLine + "\n")
                .contains("API: /iotx/account/queryIdentityList (apiVer 1.0.4)\n")
                .contains("Profile: Local, wrong secret [SANDBOX]\n")
                .containsPattern("Time: \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC\n")
                .contains("Outcome: HTTP 400 Invalid Signature")
                .doesNotContain(wrongSecret).doesNotContain(ConsoleFixture.APP_SECRET)
                .doesNotContain("Phone").doesNotContain("Email");
        assertThat(console.session.profileProperty().get().builtInSandbox())
                .as("testing a form changes nothing").isTrue();
    }

    @Test
    void anUnreachableEndpointIsCopiedWithCtrlShiftCQuotingTheRequestIdTheConsoleSent(FxRobot robot)
            throws Exception {
        console.awaitReady();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        testNewProfile(robot, "Nobody home", "http://127.0.0.1:" + closedPort, "some-secret-value");
        awaitTicketButton(robot);
        String requestIdLine = text(robot, "#problemRequestId");
        robot.interact(() -> Clipboard.getSystemClipboard().clear());

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C);

        await(() -> clipboard(robot) != null);
        assertThat(clipboard(robot)).startsWith(requestIdLine + "\n").contains("Outcome: CONNECTION_REFUSED")
                .contains("API: /iotx/account/queryIdentityList (apiVer 1.0.4)\n")
                .contains("Profile: Nobody home [SANDBOX]\n").contains(" UTC\n")
                .doesNotContain("some-secret-value");
    }
}
