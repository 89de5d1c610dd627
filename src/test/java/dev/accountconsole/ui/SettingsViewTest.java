package dev.accountconsole.ui;

import static dev.accountconsole.ui.ConsoleFixture.await;
import static dev.accountconsole.ui.ConsoleFixture.fill;
import static dev.accountconsole.ui.ConsoleFixture.node;
import static dev.accountconsole.ui.ConsoleFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.config.Profile;
import dev.accountconsole.config.ProfileStore;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Profiles: "Test connection" on the sandbox, and a production profile that no operator can mistake. */
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
}
