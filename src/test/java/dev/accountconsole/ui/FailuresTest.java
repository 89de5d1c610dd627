package dev.accountconsole.ui;

import static dev.accountconsole.ui.ConsoleFixture.await;
import static dev.accountconsole.ui.ConsoleFixture.fill;
import static dev.accountconsole.ui.ConsoleFixture.node;
import static dev.accountconsole.ui.ConsoleFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.i18n.Messages;
import dev.accountconsole.sandbox.DemoData;
import dev.accountconsole.sandbox.FaultSettings;
import dev.accountconsole.ui.search.SearchViewModel;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Timeouts, cancellation and gateway errors, as the operator sees them, with the window responsive throughout. */
@ExtendWith(ApplicationExtension.class)
class FailuresTest {
    @TempDir
    static Path home;
    private Stage stage;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        console = ConsoleFixture.start(stage, home.resolve(String.valueOf(System.nanoTime())));
    }

    @AfterEach
    void stop() {
        console.close();
    }

    private SearchViewModel search() {
        return console.window.workspace().search();
    }

    private void restart(FxRobot robot, Locale locale, String secret) {
        console.close();
        robot.interact(() -> {
            try {
                console = ConsoleFixture.start(stage, home.resolve(String.valueOf(System.nanoTime())), locale, secret, true);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void callOverTheProfileTimeoutEndsWithTimedOutAndRetryWhileTheWindowStaysResponsive(FxRobot robot)
            throws Exception {
        console.awaitReady();
        robot.clickOn("#navSettings");
        fill(robot, "#timeoutField", "800");
        robot.clickOn("#saveButton");
        await(() -> console.session.profileProperty().get().timeoutMillis() == 800);
        console.server.faults().set(new FaultSettings(3000, 0, 0));

        robot.clickOn("#navSearch");
        fill(robot, "#phoneField", DemoData.phone(1));
        robot.clickOn("#searchButton");
        await(() -> search().busyProperty().get());
        Button cancel = node(robot, "#cancelButton");
        assertThat(cancel.isVisible()).isTrue();
        assertThat(((Button) node(robot, "#searchButton")).isDisabled()).isTrue();
        long before = System.nanoTime();
        robot.interact(() -> { });
        assertThat((System.nanoTime() - before) / 1_000_000).as("FX thread answers during the call").isLessThan(500);

        await(() -> search().problemProperty().get() != null);
        assertThat(text(robot, "#problemMessage")).startsWith("No answer within 0.8 s: the call timed out.");
        Button retry = node(robot, "#problemRetry");
        assertThat(retry.isVisible()).isTrue();

        console.server.faults().clear();
        robot.clickOn("#problemRetry");
        await(() -> search().results().size() == 1 && search().problemProperty().get() == null);
    }

    @Test
    void escapeCancelsTheRunningCall(FxRobot robot) throws Exception {
        console.awaitReady();
        console.server.faults().set(new FaultSettings(2500, 0, 0));
        robot.clickOn("#phoneField").write(DemoData.phone(2)).type(KeyCode.ENTER);
        await(() -> search().busyProperty().get());
        robot.type(KeyCode.ESCAPE);
        await(() -> !search().busyProperty().get());
        assertThat(text(robot, "#summary")).isEqualTo("Cancelled.");
        assertThat(search().problemProperty().get()).isNull();
    }

    @Test
    void closingTheConsoleCancelsTheCallInFlight(FxRobot robot) throws Exception {
        console.awaitReady();
        console.server.faults().set(new FaultSettings(10_000, 0, 0));
        fill(robot, "#phoneField", DemoData.phone(3));
        robot.clickOn("#searchButton");
        await(() -> search().busyProperty().get());
        long before = System.nanoTime();
        console.session.close();
        await(() -> !search().busyProperty().get());
        assertThat((System.nanoTime() - before) / 1_000_000).as("no waiting for the 10 s answer").isLessThan(5_000);
        assertThat(text(robot, "#summary")).isEqualTo("Cancelled.");
    }

    @Test
    void wrongSecretShowsTheLocalizedSignatureErrorAndTheRequestId(FxRobot robot) throws Exception {
        restart(robot, Locale.ENGLISH, "not-the-secret");
        console.awaitReady();
        fill(robot, "#phoneField", DemoData.phone(1));
        robot.clickOn("#searchButton");
        await(() -> search().problemProperty().get() != null);
        assertThat(text(robot, "#problemMessage"))
                .isEqualTo("The gateway refused the request (HTTP 400): the signature does not match. Check the profile's AppSecret.");
        String requestId = search().problemProperty().get().requestId();
        assertThat(requestId).isNotBlank();
        assertThat(text(robot, "#problemRequestId")).isEqualTo("Request ID: " + requestId);
        assertThat(console.session.lastRequestIdProperty().get()).isEqualTo(requestId);
        assertThat(((Button) node(robot, "#problemCopy")).isVisible()).isTrue();
    }

    @Test
    void wrongSecretInChinese(FxRobot robot) throws Exception {
        restart(robot, Messages.CHINESE, "not-the-secret");
        console.awaitReady();
        fill(robot, "#phoneField", DemoData.phone(1));
        robot.clickOn("#searchButton");
        await(() -> search().problemProperty().get() != null);
        assertThat(text(robot, "#problemMessage")).isEqualTo("网关拒绝了请求（HTTP 400）：签名不匹配。请检查此配置的 AppSecret。");
        assertThat(text(robot, "#problemRequestId")).startsWith("请求 ID：");
    }
}
