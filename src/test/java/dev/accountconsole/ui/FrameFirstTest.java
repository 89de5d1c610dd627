package dev.accountconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.config.AppDirs;
import dev.accountconsole.ui.common.FxTaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The launch shows the window with the frame's outline first (no controls, so nothing of modena or
 * FXML is needed for it), then the real frame, then the page; the outline has the real bars'
 * heights and the theme's colours, so the frame does not jump when the controls arrive.
 */
@ExtendWith(ApplicationExtension.class)
class FrameFirstTest {
    @TempDir
    static Path home;
    private Stage stage;
    private AppDirs dirs;
    private UiPreferences preferences;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dirs = AppDirs.under(home.resolve("console"));
        preferences = new UiPreferences("zh-CN", "tester", null, "DARK");
        preferences.save(dirs.config());
    }

    /** What the launch does beside the outline: the session and the window. */
    private MainWindow open(List<Boolean> onFxThread) {
        onFxThread.add(javafx.application.Platform.isFxApplicationThread());
        ConsoleSession session = new ConsoleSession(dirs, new FxTaskExecutor(), () -> {
            throw new IllegalStateException("the frame must not connect");
        }, preferences);
        return new MainWindow(stage, session);
    }

    @Test
    void outlineFirstThenFrameThenPage(FxRobot robot) throws Exception {
        CountDownLatch pageDrawn = new CountDownLatch(1);
        List<Node> outline = new ArrayList<>();
        double[] outlineBars = new double[2];
        Paint[] outlineBarFill = new Paint[1];
        List<List<String>> rootsAtPulses = new ArrayList<>();
        List<Boolean> openedOnFxThread = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<MainWindow> framed = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> {
            MainWindow.showFrameFirst(stage, preferences, () -> open(openedOnFxThread), framed::add, pageDrawn::countDown);
            Parent root = stage.getScene().getRoot();
            stage.getScene().addPostLayoutPulseListener(() -> rootsAtPulses.add(List.copyOf(stage.getScene().getRoot().getStyleClass())));
            assertThat(stage.isShowing()).isTrue();
            assertThat(root.getStyleClass()).contains("outline");
            root.applyCss();
            root.layout();
            collect(root, outline);
            Region appBar = (Region) root.lookup(".app-bar");
            outlineBars[0] = appBar.getHeight();
            outlineBars[1] = ((Region) root.lookup(".status-bar")).getHeight();
            outlineBarFill[0] = appBar.getBackground().getFills().get(0).getFill();
        });
        assertThat(outline).as("no control on the first frame").noneMatch(n -> n instanceof Control);
        assertThat(outline).filteredOn(n -> n instanceof Text).extracting(n -> ((Text) n).getText())
                .as("the title, in the operator's language").containsExactly("账号控制台");

        assertThat(pageDrawn.await(30, TimeUnit.SECONDS)).as("the page is drawn").isTrue();
        robot.interact(() -> assertThat(rootsAtPulses).as("a pulse laid the outline out before the frame replaced it")
                .first().asList().contains("outline"));
        assertThat(openedOnFxThread).as("the session, the window and the frame are made off the JavaFX thread, once")
                .containsExactly(false);
        assertThat(framed).hasSize(1);
        assertThat(framed.get(0).stage()).isSameAs(stage);
        Parent frame = stage.getScene().getRoot();
        assertThat(frame.getStyleClass()).doesNotContain("outline").contains("main");
        assertThat(robot.lookup("#navSearch").tryQuery()).isPresent();
        assertThat(robot.lookup("#searchButton").tryQuery()).as("the search page is in the frame").isPresent();
        Region appBar = robot.lookup(".app-bar").query();
        Region statusBar = robot.lookup(".status-bar").query();
        assertThat(appBar.getBackground().getFills().get(0).getFill()).as("the dark bar, as on the outline")
                .isEqualTo(outlineBarFill[0]);
        assertThat(Math.abs(appBar.getHeight() - outlineBars[0])).as("app bar %s vs outline %s", appBar.getHeight(), outlineBars[0])
                .isLessThanOrEqualTo(3);
        assertThat(Math.abs(statusBar.getHeight() - outlineBars[1])).as("status bar %s vs outline %s", statusBar.getHeight(), outlineBars[1])
                .isLessThanOrEqualTo(3);
    }

    private static void collect(Node node, List<Node> into) {
        into.add(node);
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, into));
        }
    }
}
