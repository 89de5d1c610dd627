package dev.accountconsole.ui;

import static dev.accountconsole.ui.ConsoleFixture.await;
import static dev.accountconsole.ui.ConsoleFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.i18n.Messages;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A language switch rebuilds the frame with new views over the same view models: the old views must
 * not stay reachable from those long-lived view models (or the session), or every switch would keep
 * a whole frame in memory, still answering every change.
 *
 * <p>The test holds the old frame and pages only through weak references, and drives the window
 * without the mouse: a hovered or pressed node is kept by the scene until the pointer moves on.
 */
@ExtendWith(ApplicationExtension.class)
class ViewLifetimeTest {
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
    void aLanguageSwitchLetsTheOldFrameAndEveryPageGo(FxRobot robot) throws Exception {
        console.awaitReady();
        Map<String, WeakReference<Object>> old = new ConcurrentHashMap<>();
        for (Page page : Page.values()) {
            robot.interact(() -> console.window.workspace().pageProperty().set(page));
            await(() -> robot.lookup("#pageHost").queryAs(Pane.class).getChildren().size() == 1);
            robot.interact(() -> old.put("page " + page,
                    new WeakReference<>(robot.lookup("#pageHost").queryAs(Pane.class).getChildren().get(0))));
        }
        robot.interact(() -> old.put("frame", new WeakReference<>(console.window.stage().getScene().getRoot())));
        assertThat(old).hasSize(Page.values().length + 1);

        robot.interact(() -> languageChoice().setValue(Messages.CHINESE));
        await(() -> "查询".equals(text(robot, "#navSearch")));

        try {
            await(() -> {
                System.gc();
                return stillReachable(old).isEmpty();
            });
        } catch (TimeoutException e) {
            // Reported below, naming what the view models still hold.
        }
        assertThat(stillReachable(old)).as("old views still reachable after a language switch").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<Locale> languageChoice() {
        return (ComboBox<Locale>) console.window.stage().getScene().lookup("#languageChoice");
    }

    private static List<String> stillReachable(Map<String, WeakReference<Object>> references) {
        return new TreeMap<>(references).entrySet().stream().filter(e -> e.getValue().get() != null)
                .map(Map.Entry::getKey).toList();
    }
}
