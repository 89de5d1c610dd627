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
import dev.accountconsole.bulk.BulkAction;
import dev.accountconsole.bulk.Outcome;
import dev.accountconsole.bulk.RowResult;
import dev.accountconsole.bulk.RowState;
import dev.accountconsole.bulk.RunState;
import dev.accountconsole.api.ClientSettings;
import dev.accountconsole.api.Secret;
import dev.accountconsole.config.Profile;
import dev.accountconsole.ui.bulk.BulkViewModel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Bulk page against the real sandbox: a dry run that changes nothing, a real run paused half
 * way, the console closed and started again on the same home, and a resume that sends no row twice.
 */
@ExtendWith(ApplicationExtension.class)
class BulkViewTest {
    private static final int ROWS = 6;

    @TempDir
    static Path home;
    private Path testHome;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        testHome = home.resolve(String.valueOf(System.nanoTime()));
        console = ConsoleFixture.start(stage, testHome);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    /** Demo accounts that are not frozen yet, so that every row of a freeze job has work to do. */
    private List<String> activeIdentityIds() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 1; ids.size() < ROWS; i++) {
            Account a = console.demoAccount(i);
            if (!Boolean.TRUE.equals(a.frozen())) {
                ids.add(a.identityId());
            }
        }
        return ids;
    }

    private Map<String, Boolean> frozenInSandbox(List<String> ids) throws Exception {
        return console.directService().queryIdentityList(ids, Cancellation.none()).value().stream()
                .collect(Collectors.toMap(Account::identityId, a -> Boolean.TRUE.equals(a.frozen())));
    }

    @Test
    void dryRunPauseRestartAndResumeFreezeEveryRowExactlyOnce(FxRobot robot) throws Exception {
        console.awaitReady();
        List<String> ids = activeIdentityIds();
        Path csv = testHome.resolve("accounts.csv");
        Files.writeString(csv, "identityId\n" + String.join("\n", ids) + "\n", StandardCharsets.UTF_8);

        robot.clickOn("#navBulk");
        BulkViewModel bulk = console.window.workspace().bulk();
        robot.interact(() -> bulk.loadCsv(csv));
        await(() -> bulk.inputCountProperty().get() == ROWS);
        ComboBox<BulkAction> actions = node(robot, "#actionChoice");
        robot.interact(() -> actions.setValue(BulkAction.FREEZE));
        // Slow enough that a pause lands half way, whatever the machine.
        fill(robot, "#rateField", "2");

        robot.clickOn("#dryRunButton");
        await(() -> bulk.dryRunShownProperty().get() && !bulk.busyProperty().get());
        assertThat(bulk.rows()).extracting(RowResult::outcome).containsOnly(Outcome.WOULD_FREEZE);
        TableView<RowResult> table = node(robot, "#rowsTable");
        assertThat(table.getItems()).hasSize(ROWS);
        assertThat(frozenInSandbox(ids).values()).as("a dry run writes nothing").containsOnly(false);

        robot.clickOn("#startButton");
        await(() -> bulk.progressProperty().get().succeeded() >= 2);
        robot.clickOn("#pauseButton");
        await(() -> bulk.runStateProperty().get() == RunState.PAUSED);
        assertThat(text(robot, "#progressLabel")).startsWith("Paused");
        Map<Integer, String> doneBefore = bulk.rows().stream().filter(r -> r.state() == RowState.SUCCEEDED)
                .collect(Collectors.toMap(RowResult::number, RowResult::requestId));
        assertThat(doneBefore.size()).isBetween(2, ROWS - 1);

        console.closeWindow(robot);
        await(() -> bulk.runStateProperty().get() == RunState.CANCELLED);
        console = console.reopen(robot);
        console.awaitReady();
        BulkViewModel after = console.window.workspace().bulk();
        await(() -> after.unfinished().size() == 1);
        assertThat(text(robot, "#navBulk")).isEqualTo("Bulk (1)");

        robot.clickOn("#navBulk");
        robot.clickOn("#resumeJobButton");
        await(() -> after.runStateProperty().get() == RunState.COMPLETED);
        assertThat(after.rows()).extracting(RowResult::state).containsOnly(RowState.SUCCEEDED);
        assertThat(after.rows()).extracting(RowResult::outcome).containsOnly(Outcome.FROZEN);
        doneBefore.forEach((row, requestId) -> assertThat(after.rows().get(row - 1).requestId())
                .as("row %d was not sent again", row).isEqualTo(requestId));
        assertThat(frozenInSandbox(ids).values()).containsOnly(true);
        await(after.unfinished()::isEmpty);

        List<ActivityEntry> log = new ActivityLog(console.session.dirs().data()).readAll();
        assertThat(log).extracting(ActivityEntry::action).containsOnly("freeze");
        assertThat(log).extracting(ActivityEntry::outcomeCode).containsOnly("200");
        assertThat(log).extracting(ActivityEntry::identityId).as("one activity entry per row, none repeated")
                .containsExactlyInAnyOrderElementsOf(ids);

        Path report = testHome.resolve("report.csv");
        robot.interact(() -> after.exportReport(report));
        await(() -> Files.exists(report));
        String content = Files.readString(report, StandardCharsets.UTF_8);
        assertThat(content).startsWith("\uFEFFrow,input,identityId,state,outcome,code,message,requestId,time\r\n");
        List<String> lines = content.lines().skip(1).toList();
        assertThat(lines).hasSize(ROWS);
        for (RowResult r : after.rows()) {
            assertThat(lines.get(r.number() - 1)).startsWith(r.number() + "," + r.input() + "," + ids.get(r.number() - 1)
                    + ",succeeded,frozen,,," + r.requestId() + ",");
        }
    }

    @Test
    void aPastedListOfPhonesIsLookedUpWithoutWriting(FxRobot robot) throws Exception {
        console.awaitReady();
        robot.clickOn("#navBulk");
        BulkViewModel bulk = console.window.workspace().bulk();
        Account first = console.demoAccount(1);
        fill(robot, "#pasteArea", dev.accountconsole.sandbox.DemoData.phone(1) + "\n13900000000\n" + "x".repeat(65));
        assertThat(text(robot, "#inputLabel")).isEqualTo("3 rows");
        robot.clickOn("#startButton");
        await(() -> bulk.runStateProperty().get() == RunState.COMPLETED);
        assertThat(bulk.rows().get(0).identityId()).isEqualTo(first.identityId());
        assertThat(bulk.rows().get(0).outcome()).isIn(Outcome.FOUND_ACTIVE, Outcome.FOUND_FROZEN, Outcome.FOUND);
        assertThat(bulk.rows().get(1).outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(bulk.rows().get(2).outcome()).isEqualTo(Outcome.INVALID_INPUT);
        assertThat(new ActivityLog(console.session.dirs().data()).readAll()).as("a lookup is not a write").isEmpty();
    }

    @Test
    void aRealRunOnProductionWaitsForTheRowCountOrTheActionWordTyped(FxRobot robot) throws Exception {
        console.awaitReady();
        String endpoint = "https://api.link.aliyun.com";
        Profile production = new Profile("Production CN", endpoint, "12345678", 3000, null, false);
        robot.interact(() -> console.session.activate(production,
                new ClientSettings(URI.create(endpoint), "12345678", Secret.of("not-used"))));
        robot.clickOn("#navBulk");
        BulkViewModel bulk = console.window.workspace().bulk();
        fill(robot, "#pasteArea", String.join("\n", activeIdentityIds().subList(0, 2)));
        ComboBox<BulkAction> actions = node(robot, "#actionChoice");
        robot.interact(() -> actions.setValue(BulkAction.FREEZE));

        robot.clickOn("#startButton");
        await(() -> robot.lookup("#confirmText").tryQuery().isPresent());
        TextField answer = robot.lookup("#confirmText").query();
        Button go = robot.lookup("#dialogAction").query();
        assertThat(go.isDisabled()).isTrue();
        robot.interact(() -> answer.setText("3"));
        assertThat(go.isDisabled()).as("not the row count").isTrue();
        robot.interact(() -> answer.setText("2"));
        assertThat(go.isDisabled()).isFalse();
        robot.interact(() -> answer.setText("FREEZE"));
        assertThat(go.isDisabled()).isFalse();
        robot.interact(() -> answer.setText("freeze"));
        assertThat(go.isDisabled()).isTrue();

        robot.type(KeyCode.ESCAPE);
        await(() -> robot.lookup("#confirmText").tryQuery().isEmpty());
        assertThat(bulk.runStateProperty().get()).as("nothing started").isNull();
        assertThat(bulk.busyProperty().get()).isFalse();
        Path jobs = console.session.dirs().data().resolve("jobs");
        assertThat(!Files.exists(jobs) || Files.list(jobs).findAny().isEmpty()).as("no job was even created").isTrue();
    }
}
