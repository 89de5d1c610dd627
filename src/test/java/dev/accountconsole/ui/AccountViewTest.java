package dev.accountconsole.ui;

import static dev.accountconsole.ui.ConsoleFixture.await;
import static dev.accountconsole.ui.ConsoleFixture.decoration;
import static dev.accountconsole.ui.ConsoleFixture.fill;
import static dev.accountconsole.ui.ConsoleFixture.node;
import static dev.accountconsole.ui.ConsoleFixture.text;
import static dev.accountconsole.ui.ConsoleFixture.validationErrors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.account.Account;
import dev.accountconsole.account.Masking;
import dev.accountconsole.activity.ActivityEntry;
import dev.accountconsole.activity.ActivityLog;
import dev.accountconsole.api.Cancellation;
import dev.accountconsole.ui.account.AccountViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.stage.Window;
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
        assertThat(text(robot, "#value-phone")).as("masked by default").isEqualTo(Masking.maskPhone(a.phone()));
        assertThat(robot.lookup("#copy-identityId").tryQuery()).isPresent();

        robot.clickOn("#editButton");
        Label problem = node(robot, "#editProblem");
        Button save = node(robot, "#saveButton");
        assertThat(text(robot, "#editPhone")).as("personal data is not pre-filled").isEmpty();
        assertThat(((TextField) node(robot, "#editPhone")).getPromptText())
                .isEqualTo(Masking.maskPhone(a.phone()) + " — leave empty to keep");
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

    /** Every text the operator can see or a screen reader can read, in every open window. */
    private static List<String> everyText(FxRobot robot) {
        List<String> texts = new ArrayList<>();
        robot.interact(() -> {
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null) {
                    collect(w.getScene().getRoot(), texts);
                }
            }
        });
        return texts;
    }

    private static void collect(Node n, List<String> texts) {
        texts.add(n.getAccessibleText());
        if (n instanceof Labeled l) {
            texts.add(l.getText());
            texts.add(l.getTooltip() == null ? null : l.getTooltip().getText());
        }
        if (n instanceof TextInputControl t) {
            texts.add(t.getText());
            texts.add(t.getPromptText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, texts));
        }
    }

    private static void assertNowhere(FxRobot robot, String value) {
        assertThat(everyText(robot)).as("no text on screen holds the raw value")
                .noneMatch(t -> t != null && t.contains(value));
    }

    @Test
    void theEditFormShowsPersonalDataMaskedUntilRevealedWithAReasonAndConfirmsMasked(FxRobot robot)
            throws Exception {
        console.awaitReady();
        int i = 14;
        while (!console.demoAccount(i).phone().matches("1[0-9]{10}") || console.demoAccount(i).email() == null) {
            i++;
        }
        Account a = open(robot, i);
        robot.clickOn("#editButton");
        TextField phone = node(robot, "#editPhone");
        TextField email = node(robot, "#editEmail");
        await(phone::isVisible);
        assertThat(phone.getText()).isEmpty();
        assertThat(phone.getPromptText()).isEqualTo(Masking.maskPhone(a.phone()) + " — leave empty to keep");
        assertThat(email.getText()).isEmpty();
        assertThat(email.getPromptText()).isEqualTo(Masking.maskEmail(a.email()) + " — leave empty to keep");
        assertNowhere(robot, a.phone());
        assertNowhere(robot, a.email());

        robot.clickOn("#editRevealPhone");
        await(() -> robot.lookup("#reasonText").tryQuery().isPresent());
        assertNowhere(robot, a.phone());
        fill(robot, "#reasonText", "ticket 5150: caller verified");
        robot.clickOn("#dialogAction");
        await(() -> a.phone().equals(phone.getText()));
        assertThat(((Button) node(robot, "#editRevealPhone")).isVisible()).as("revealed once").isFalse();
        assertThat(email.getText()).as("only the field asked for").isEmpty();
        assertNowhere(robot, a.email());
        await(() -> activity().stream().anyMatch(e -> e.action().equals("reveal")));
        ActivityEntry reveal = activity().stream().filter(e -> e.action().equals("reveal")).findFirst().orElseThrow();
        assertThat(reveal.identityId()).isEqualTo(a.identityId());
        assertThat(reveal.message()).contains("phone").contains("ticket 5150: caller verified")
                .doesNotContain(a.phone());

        String newPhone = a.phone().startsWith("139") ? "13800005150" : "13900005150";
        fill(robot, "#editPhone", newPhone);
        robot.clickOn("#saveButton");
        await(() -> robot.lookup("#dialogAction").tryQuery().isPresent());
        String confirmation = robot.lookup(".dialog-pane .content").queryLabeled().getText();
        assertThat(confirmation).as("the confirmation shows the change masked")
                .contains(Masking.maskPhone(a.phone()) + " → " + Masking.maskPhone(newPhone))
                .doesNotContain(newPhone).doesNotContain(a.phone());
        assertNowhere(robot, a.email());
        robot.clickOn("#dialogAction");
        await(() -> newPhone.equals(reload(a.identityId()).phone()));
        assertThat(reload(a.identityId()).email()).as("an empty email field keeps it").isEqualTo(a.email());
        await(() -> activity().stream().anyMatch(e -> e.action().equals("modify") && e.outcomeCode().equals("200")));
        ActivityEntry modify = activity().stream().filter(e -> e.action().equals("modify")).findFirst().orElseThrow();
        assertThat(modify.before()).containsEntry("phone", Masking.maskPhone(a.phone()));
        assertThat(modify.after()).containsEntry("phone", Masking.maskPhone(newPhone));
    }

    @Test
    void aWrongEmailInTheEditFormIsDecoratedOnItsFieldAndBlocksSaveUntilCorrected(FxRobot robot) throws Exception {
        open(robot, 8);
        robot.clickOn("#editButton");
        TextField email = node(robot, "#editEmail");
        Button save = node(robot, "#saveButton");
        await(email::isVisible);
        assertThat(decoration(robot, email)).isNull();

        robot.clickOn("#editEmail").write("support.at.example.com");
        String message = "Email: is not an email address; use the form name@example.com.";
        await(() -> validationErrors(robot, email).size() == 1);
        assertThat(validationErrors(robot, email).get(0).getText()).isEqualTo(message);
        assertThat(((Label) decoration(robot, email)).getTooltip().getText()).isEqualTo(message);
        assertThat(text(robot, "#editProblem")).as("the message under the form says the same").isEqualTo(message);
        assertThat(email.getStyleClass()).contains("invalid");
        assertThat(save.isDisabled()).isTrue();
        assertThat(decoration(robot, node(robot, "#editPhone"))).as("only the invalid field").isNull();

        fill(robot, "#editEmail", "support@example.com");
        await(() -> validationErrors(robot, email).isEmpty() && decoration(robot, email) == null);
        assertThat(email.getStyleClass()).doesNotContain("invalid");
        await(() -> !save.isDisabled());
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
