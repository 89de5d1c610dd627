package dev.accountconsole.ui;

import static dev.accountconsole.ui.ConsoleFixture.await;
import static dev.accountconsole.ui.ConsoleFixture.fill;
import static dev.accountconsole.ui.ConsoleFixture.node;
import static dev.accountconsole.ui.ConsoleFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.i18n.Messages;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Choosing 简体中文 in Settings applies at once, keeps what was typed, and is remembered. */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest {
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
    void switchingToChineseRebuildsEveryTextAndKeepsInput(FxRobot robot) throws Exception {
        console.awaitReady();
        fill(robot, "#phoneField", "1380013");
        assertThat(text(robot, "#navSearch")).isEqualTo("Search");
        assertThat(text(robot, "#environmentBadge")).isEqualTo("SANDBOX");

        robot.clickOn("#navSettings");
        ComboBox<Locale> language = node(robot, "#languageChoice");
        robot.interact(() -> language.setValue(Messages.CHINESE));
        await(() -> "查询".equals(text(robot, "#navSearch")));
        assertThat(text(robot, "#navSettings")).isEqualTo("设置");
        assertThat(text(robot, "#environmentBadge")).isEqualTo("沙箱");
        assertThat(console.window.stage().getTitle()).isEqualTo("账号控制台");

        robot.clickOn("#navSearch");
        await(() -> robot.lookup("#phoneField").tryQuery().isPresent());
        assertThat(text(robot, "#phoneField")).isEqualTo("1380013");
        assertThat(text(robot, "#searchButton")).isEqualTo("查询");
        fill(robot, "#phoneField", "138-0013");
        assertThat(text(robot, "#inputError")).startsWith("手机号：");

        assertThat(UiPreferences.load(console.session.dirs().config()).language()).isEqualTo("zh-CN");
    }
}
