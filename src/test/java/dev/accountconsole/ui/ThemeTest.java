package dev.accountconsole.ui;

import static dev.accountconsole.ui.ConsoleFixture.await;
import static dev.accountconsole.ui.ConsoleFixture.node;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Settings' theme choice applies the dark stylesheet at once, to the window and to what it opens, and is kept. */
@ExtendWith(ApplicationExtension.class)
class ThemeTest {
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

    private List<String> sheets() {
        return console.window.stage().getScene().getStylesheets();
    }

    @Test
    void choosingDarkAddsTheDarkStylesheetAndLightRemovesIt(FxRobot robot) throws Exception {
        console.awaitReady();
        robot.clickOn("#navSettings");
        ComboBox<Theme> themes = node(robot, "#themeChoice");
        robot.interact(() -> themes.setValue(Theme.LIGHT));
        assertThat(sheets()).noneMatch(s -> s.endsWith("/dark.css"));
        Region bar = robot.lookup(".app-bar").query();
        var lightBar = bar.getBackground().getFills().get(0).getFill();

        robot.interact(() -> themes.setValue(Theme.DARK));
        await(() -> sheets().stream().anyMatch(s -> s.endsWith("/dark.css")));
        assertThat(sheets().get(0)).as("dark goes over the base stylesheet").endsWith("/app.css");
        assertThat(bar.getBackground().getFills().get(0).getFill()).as("named colours are redefined")
                .isNotEqualTo(lightBar);
        assertThat(UiPreferences.load(console.session.dirs().config()).theme()).isEqualTo("DARK");

        robot.interact(() -> console.session.localeProperty().set(dev.accountconsole.i18n.Messages.CHINESE));
        assertThat(sheets()).as("a language switch keeps the theme").anyMatch(s -> s.endsWith("/dark.css"));

        robot.interact(() -> console.session.themeProperty().set(Theme.LIGHT));
        assertThat(sheets()).noneMatch(s -> s.endsWith("/dark.css"));
        assertThat(UiPreferences.load(console.session.dirs().config()).theme()).isEqualTo("LIGHT");
    }
}
