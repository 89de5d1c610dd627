package dev.accountconsole.ui;

import static dev.accountconsole.ui.ConsoleFixture.await;
import static dev.accountconsole.ui.ConsoleFixture.fill;
import static dev.accountconsole.ui.ConsoleFixture.node;
import static dev.accountconsole.ui.ConsoleFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.account.Account;
import dev.accountconsole.activity.ActivityEntry;
import dev.accountconsole.activity.ActivityLog;
import dev.accountconsole.api.Cancellation;
import dev.accountconsole.ui.account.AccountViewModel;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Account detail and its writes against the real sandbox, each recorded in Activity. */
@ExtendWith(ApplicationExtension.class)
class AccountViewTest {
    @TempDir
    static Path home;
    private Path myHome;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        myHome = home.resolve(String.valueOf(System.nanoTime()));
        console = ConsoleFixture.start(stage, myHome);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    private AccountViewModel vm() {
        return console.window.workspace().account();
    }

    private Account open(FxRobot robot, int demo) throws Exception {
        console.awaitReady();
        Account a = console.demoAccount(demo);
        robot.interact(() -> console.window.workspace().openAccount(a.identityId()));
        await(() -> vm().accountProperty().get() != null && !vm().busyProperty().get());
        return a;
    }

    private Account reload(String id) throws Exception {
        List<Account> found = console.directService().queryIdentityList(List.of(id), Cancellation.none()).value();
        return found.isEmpty() ? null : found.get(0);
    }

    private List<ActivityEntry> activity() throws Exception {
        return new ActivityLog(console.session.dirs().data()).readAll();
    }

    @Test
    void showsEveryFieldAndEditSendsTheChange(FxRobot robot) throws Exception {
        Account a = open(robot, 4);
        assertThat(text(robot, "#value-identityId")).isEqualTo(a.identityId());
        assertThat(text(robot, "#value-loginId")).isEqualTo(a.loginId());
        assertThat(text(robot, "#value-phone")).as("masked by default")
                .isEqualTo(dev.accountconsole.account.Masking.maskPhone(a.phone()));
        assertThat(robot.lookup("#copy-identityId").tryQuery()).isPresent();

        robot.clickOn("#editButton");
        Label problem = node(robot, "#editProblem");
        Button save = node(robot, "#saveButton");
        assertThat(problem.isVisible()).as("an untouched form shows no error").isFalse();
        assertThat(save.isDisabled()).isTrue();
        fill(robot, "#editNickName", "Renamed By Test");
        await(() -> !save.isDisabled());
        robot.clickOn("#saveButton");
        await(() -> robot.lookup("#dialogAction").tryQuery().isPresent());
        robot.clickOn("#dialogAction");
        await(() -> (a.displayName() + " is updated.").equals(vm().outcomeProperty().get())
                && vm().accountProperty().get() != null
                && "Renamed By Test".equals(vm().accountProperty().get().nickName()));
        assertThat(reload(a.identityId()).nickName()).isEqualTo("Renamed By Test");
        assertThat(reload(a.identityId()).phone()).isEqualTo(a.phone());
        await(() -> activity().stream().anyMatch(e -> e.action().equals("modify") && e.outcomeCode().equals("200")
                && e.identityId().equals(a.identityId()) && e.requestId() != null && e.operator().equals("tester")));
    }

    @Test
    void freezeAndUnfreezeAskFirstNamingTheAccount(FxRobot robot) throws Exception {
        console.awaitReady();
        var search = console.window.workspace().search();
        robot.interact(() -> {
            search.phoneProperty().set(dev.accountconsole.sandbox.DemoData.phone(5));
            search.search();
        });
        await(() -> search.results().size() == 1);
        Account a = open(robot, 5);
        robot.clickOn("#freezeButton");
        await(() -> robot.lookup("#dialogAction").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryLabeled().getText())
                .contains(a.displayName()).contains(a.identityId());
        assertThat(((Button) node(robot, "#dialogAction")).getText()).isEqualTo("Freeze account");
        robot.clickOn("#dialogAction");
        await(() -> Boolean.TRUE.equals(reload(a.identityId()).frozen())
                && vm().accountProperty().get() != null && Boolean.TRUE.equals(vm().accountProperty().get().frozen()));
        assertThat(vm().outcomeProperty().get()).endsWith("is frozen.");
        assertThat(search.results().get(0).frozen()).as("the results table follows").isTrue();

        Button unfreeze = node(robot, "#unfreezeButton");
        await(() -> !unfreeze.isDisabled());
        robot.clickOn("#unfreezeButton");
        await(() -> robot.lookup("#dialogAction").tryQuery().isPresent());
        robot.clickOn("#dialogAction");
        await(() -> Boolean.FALSE.equals(reload(a.identityId()).frozen()));
        await(() -> activity().stream().filter(e -> e.identityId().equals(a.identityId())).count() == 2);

        robot.clickOn("#navActivity");
        javafx.scene.control.TableView<ActivityEntry> table = node(robot, "#table");
        await(() -> table.getItems().size() == 2);
        assertThat(table.getItems()).extracting(ActivityEntry::action).containsExactly("unfreeze", "freeze");
        fill(robot, "#filterField", "unfreeze");
        await(() -> table.getItems().size() == 1);
    }

    @Test
    void unregisterNeedsTheTypedConfirmation(FxRobot robot) throws Exception {
        Account a = open(robot, 6);
        robot.clickOn("#unregisterButton");
        await(() -> robot.lookup("#confirmText").tryQuery().isPresent());
        Button action = node(robot, "#dialogAction");
        assertThat(action.isDisabled()).isTrue();
        robot.clickOn("#confirmText").write("wrong");
        assertThat(action.isDisabled()).isTrue();
        String tail = a.identityId().substring(a.identityId().length() - 6);
        fill(robot, "#confirmText", tail);
        await(() -> !action.isDisabled());
        robot.clickOn("#dialogAction");
        await(() -> vm().goneProperty().get() && reload(a.identityId()) == null);
        await(() -> activity().stream().anyMatch(e -> e.action().equals("unregister") && e.outcomeCode().equals("200")));
    }

    @Test
    void editWithoutIotTokenExplainsWhatIsMissing(FxRobot robot) throws Exception {
        console.close();
        Stage[] stage = new Stage[1];
        robot.interact(() -> stage[0] = (Stage) console.window.stage());
        robot.interact(() -> {
            try {
                console = ConsoleFixture.start(stage[0], myHome.resolveSibling(myHome.getFileName() + "-notoken"),
                        java.util.Locale.ENGLISH, ConsoleFixture.APP_SECRET, false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        open(robot, 7);
        robot.clickOn("#editButton");
        fill(robot, "#editNickName", "Nope");
        Label problem = node(robot, "#editProblem");
        await(() -> problem.getText().contains("IoT token"));
        assertThat(((Button) node(robot, "#saveButton")).isDisabled()).isTrue();
    }
}
