package dev.accountconsole.ui;

import static dev.accountconsole.ui.ConsoleFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A failure nothing else handled ends in one owned dialog, in the operator's words, no stack trace. */
@ExtendWith(ApplicationExtension.class)
class UnexpectedFailureTest {
    @TempDir
    static Path home;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        console = ConsoleFixture.start(stage, home);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void anUnhandledFailureIsShownInAnOwnedDialog(FxRobot robot) throws Exception {
        console.awaitReady();
        Platform.runLater(() -> console.window.showUnexpected(new IllegalStateException("the disk is full")));
        await(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getContentText()).isEqualTo("Something unexpected went wrong: the disk is full");
        assertThat(pane.getContentText()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(pane.getScene().getWindow()).satisfies(w ->
                assertThat(((Stage) w).getOwner()).isSameAs(console.window.stage()));
        robot.type(KeyCode.ENTER);
        await(() -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
    }
}
