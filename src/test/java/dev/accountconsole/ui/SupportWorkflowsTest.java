package dev.accountconsole.ui;

import static dev.accountconsole.ui.ConsoleFixture.await;
import static dev.accountconsole.ui.ConsoleFixture.fill;
import static dev.accountconsole.ui.ConsoleFixture.node;
import static dev.accountconsole.ui.ConsoleFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.account.Account;
import dev.accountconsole.account.Masking;
import dev.accountconsole.activity.ActivityEntry;
import dev.accountconsole.activity.ActivityLog;
import dev.accountconsole.api.ApiOperation;
import dev.accountconsole.config.Profile;
import dev.accountconsole.sandbox.DemoData;
import dev.accountconsole.sandbox.FaultSettings;
import dev.accountconsole.ui.account.AccountViewModel;
import dev.accountconsole.ui.search.SearchViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The support workflows against the real sandbox: lookup box, copy for ticket, reveal, lost answers, log check. */
@ExtendWith(ApplicationExtension.class)
class SupportWorkflowsTest {
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

    private SearchViewModel search() {
        return console.window.workspace().search();
    }

    private AccountViewModel account() {
        return console.window.workspace().account();
    }

    private List<ActivityEntry> activity() throws Exception {
        return new ActivityLog(console.session.dirs().data()).readAll();
    }

    private String clipboard(FxRobot robot) {
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
        return clip[0];
    }

    /** Ctrl+K, the text, Enter: as the operator does it. */
    private void lookUp(FxRobot robot, String typed) {
        robot.push(KeyCode.CONTROL, KeyCode.K);
        TextField field = node(robot, "#lookupField");
        assertThat(field.isFocused()).as("Ctrl+K focuses the lookup box").isTrue();
        fill(robot, "#lookupField", typed);
        robot.type(KeyCode.ENTER);
    }

    private void expectFound(String... identityIds) throws Exception {
        await(() -> !search().busyProperty().get() && search().results().stream().map(Account::identityId)
                .collect(Collectors.toSet()).equals(Set.of(identityIds)));
        assertThat(console.window.workspace().pageProperty().get()).isEqualTo(Page.SEARCH);
    }

    private Account open(FxRobot robot, int demo) throws Exception {
        console.awaitReady();
        Account a = console.demoAccount(demo);
        robot.interact(() -> console.window.workspace().openAccount(a.identityId()));
        await(() -> account().accountProperty().get() != null && !account().busyProperty().get());
        return a;
    }

    @Test
    void lookupBoxRecognisesEveryFormAndAsksWhenAmbiguous(FxRobot robot) throws Exception {
        console.awaitReady();
        Account byPhone = console.demoAccount(1);
        lookUp(robot, DemoData.phone(1));
        expectFound(byPhone.identityId());

        Account byCountryCode = console.demoAccount(2);
        String p = DemoData.phone(2);
        lookUp(robot, "+86 " + p.substring(0, 3) + "-" + p.substring(3, 7) + "-" + p.substring(7));
        expectFound(byCountryCode.identityId());

        Account withEmail = null;
        for (int i = 3; withEmail == null; i++) {
            Account a = console.demoAccount(i);
            withEmail = a.email() != null ? a : null;
        }
        lookUp(robot, withEmail.email());
        expectFound(withEmail.identityId());

        Account one = console.demoAccount(20);
        lookUp(robot, one.identityId());
        expectFound(one.identityId());

        Account other = console.demoAccount(21);
        lookUp(robot, one.identityId() + ",\n" + other.identityId());
        expectFound(one.identityId(), other.identityId());

        lookUp(robot, other.loginSource() + ":" + other.loginId());
        expectFound(other.identityId());

        lookUp(robot, DemoData.phone(22) + " " + DemoData.phone(23));
        await(() -> robot.listWindows().stream().anyMatch(w -> w instanceof ContextMenu m && m.isShowing()));
        ContextMenu menu = (ContextMenu) robot.listWindows().stream()
                .filter(w -> w instanceof ContextMenu m && m.isShowing()).findFirst().orElseThrow();
        assertThat(menu.getItems()).extracting(m -> m.getText()).containsExactly("2 phones", "2 identity IDs");
        robot.interact(() -> menu.getItems().get(0).fire());
        expectFound(console.demoAccount(22).identityId(), console.demoAccount(23).identityId());

        lookUp(robot, "not a thing @@");
        await(() -> text(robot, "#lookupProblem").startsWith("Not recognised"));
    }

    @Test
    void copyForTicketOnAnAccountAndOnAFailure(FxRobot robot) throws Exception {
        Account a = open(robot, 9);
        robot.clickOn("#ticketButton");
        String ticket = clipboard(robot);
        assertThat(ticket).contains("Request ID: " + console.session.lastRequestIdProperty().get())
                .contains("/iotx/account/queryIdentityList (apiVer 1.0.4)")
                .contains("Profile: Sandbox [SANDBOX]").contains(" UTC").contains("Outcome: 200")
                .contains("Identity ID: " + a.identityId()).contains(Masking.maskPhone(a.phone()))
                .doesNotContain(a.phone());

        robot.clickOn("#backButton");
        console.server.faults().set(new FaultSettings(0, 1, 0));
        fill(robot, "#phoneField", DemoData.phone(9));
        robot.clickOn("#searchButton");
        await(() -> search().problemProperty().get() != null);
        assertThat(((Button) node(robot, "#problemTicket")).isVisible()).isTrue();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C);
        await(() -> clipboard(robot).contains("HTTP 503"));
        assertThat(clipboard(robot)).contains("Request ID: " + search().problemProperty().get().requestId())
                .contains("/user/account/identity/query");
    }

    @Test
    void revealAsksForAReasonAndLogsItWithoutTheValue(FxRobot robot) throws Exception {
        Account a = open(robot, 10);
        assertThat(text(robot, "#value-phone")).isEqualTo(Masking.maskPhone(a.phone()));
        robot.clickOn("#reveal-phone");
        await(() -> robot.lookup("#reasonText").tryQuery().isPresent());
        Button action = node(robot, "#dialogAction");
        assertThat(action.isDisabled()).as("a reason is required").isTrue();
        fill(robot, "#reasonText", "ticket 4711: caller verified");
        await(() -> !action.isDisabled());
        robot.clickOn("#dialogAction");
        await(() -> text(robot, "#value-phone").equals(a.phone()));
        await(() -> activity().stream().anyMatch(e -> e.action().equals("reveal")));
        ActivityEntry entry = activity().stream().filter(e -> e.action().equals("reveal")).findFirst().orElseThrow();
        assertThat(entry.message()).contains("phone").contains("ticket 4711: caller verified").doesNotContain(a.phone());
        assertThat(entry.identityId()).isEqualTo(a.identityId());

        robot.clickOn("#editButton");
        TextField editPhone = node(robot, "#editPhone");
        await(editPhone::isVisible);
        assertThat(editPhone.getText()).as("revealed with a reason: the edit form has it too").isEqualTo(a.phone());
        assertThat(robot.lookup("#editRevealPhone").queryButton().isVisible()).isFalse();
        assertThat(text(robot, "#editEmail")).as("what was not revealed stays out of the form").isEmpty();
        assertThat(activity().stream().filter(e -> e.action().equals("reveal")).count())
                .as("one reveal, one entry").isEqualTo(1);
    }

    @Test
    void aFreezeWhoseAnswerIsLostIsSettledByReReadingNeverShownAsFailed(FxRobot robot) throws Exception {
        console.awaitReady();
        robot.interact(() -> console.session.setSandboxTimeout(800));
        int active = 11;
        while (!Boolean.FALSE.equals(console.demoAccount(active).frozen())) {
            active++;
        }
        Account a = open(robot, active);
        robot.clickOn("#freezeButton");
        await(() -> robot.lookup("#dialogAction").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .content").queryLabeled().getText())
                .as("the confirmation shows the state just re-read").startsWith("Now: Active.");
        console.server.faults().set(new FaultSettings(3000, 0, 0));
        robot.clickOn("#dialogAction");
        await(() -> account().outcomeUncertainProperty().get());
        await(() -> account().outcomeProperty().get().startsWith("The answer was lost, but re-reading"));
        assertThat(account().problemProperty().get()).as("never shown as failed").isNull();
        assertThat(account().accountProperty().get().frozen()).isTrue();
        assertThat(account().outcomeProperty().get()).endsWith(a.displayName() + " is frozen.");
        await(() -> activity().stream().anyMatch(e -> e.action().equals("freeze")));
        ActivityEntry entry = activity().stream().filter(e -> e.action().equals("freeze")).findFirst().orElseThrow();
        assertThat(entry.outcomeCode()).isEqualTo("UNKNOWN TIMEOUT");
        assertThat(entry.before()).containsEntry("frozen", "false").containsEntry("phone", Masking.maskPhone(a.phone()));
        assertThat(entry.after()).containsEntry("frozen", "true");
    }

    @Test
    void aLostAnswerThatCannotBeReReadStaysUnknownAndSaysSo(FxRobot robot) throws Exception {
        console.awaitReady();
        int active = 30;
        while (!Boolean.FALSE.equals(console.demoAccount(active).frozen())) {
            active++;
        }
        open(robot, active);
        robot.clickOn("#freezeButton");
        await(() -> robot.lookup("#dialogAction").tryQuery().isPresent());
        console.server.faults().set(new FaultSettings(0, 0, 1));
        robot.clickOn("#dialogAction");
        await(() -> account().outcomeUncertainProperty().get() && !account().busyProperty().get()
                && account().outcomeProperty().get().startsWith("The answer was lost and the account could not be re-read"));
        assertThat(account().problemProperty().get()).as("never shown as failed").isNull();
        await(() -> activity().stream().anyMatch(e -> e.action().equals("freeze")
                && e.outcomeCode().equals("UNKNOWN CONNECTION_LOST")));
    }

    @Test
    void aFreezeThatIsLostOnTheWayIsReReadAndReportedAsNotApplied(FxRobot robot) throws Exception {
        console.awaitReady();
        int active = 40;
        while (!Boolean.FALSE.equals(console.demoAccount(active).frozen())) {
            active++;
        }
        Account a = open(robot, active);
        List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> account().outcomeProperty().addListener((obs, o, now) -> shown.add(now)));
        robot.clickOn("#freezeButton");
        await(() -> robot.lookup("#dialogAction").tryQuery().isPresent());
        // Every freeze is dropped unanswered and unapplied; the re-read that settles it gets through.
        console.server.faults().set(new FaultSettings(0, 0, 1).onlyFor(ApiOperation.FREEZE));
        robot.clickOn("#dialogAction");

        await(() -> !account().busyProperty().get() && shown.contains(
                "The answer was lost, and re-reading the account shows the change was not applied. "
                        + "Nothing changed; try again if it is still wanted."));
        assertThat(shown).as("outcome unknown first, then what the re-read showed").containsExactly(
                "The answer was lost: re-reading the account to see whether the change was applied…",
                "The answer was lost, and re-reading the account shows the change was not applied. "
                        + "Nothing changed; try again if it is still wanted.");
        assertThat(account().outcomeUncertainProperty().get()).isTrue();
        assertThat(((javafx.scene.Node) node(robot, "#outcomePane")).getStyleClass()).contains("banner-warning");
        assertThat(text(robot, "#outcome")).isEqualTo(account().outcomeProperty().get());
        assertThat(account().problemProperty().get()).as("never shown as failed").isNull();
        assertThat(account().accountProperty().get().frozen()).as("the page shows the account re-read").isFalse();
        assertThat(((Button) node(robot, "#freezeButton")).isDisabled()).as("freeze can be tried again").isFalse();
        assertThat(console.demoAccount(active).frozen()).as("the sandbox never applied it").isFalse();

        await(() -> activity().stream().anyMatch(e -> e.action().equals("freeze")));
        ActivityEntry entry = activity().stream().filter(e -> e.action().equals("freeze")).findFirst().orElseThrow();
        assertThat(entry.identityId()).isEqualTo(a.identityId());
        assertThat(entry.outcomeCode()).isEqualTo("UNKNOWN CONNECTION_LOST");
        assertThat(entry.message()).startsWith("The answer was lost, and re-reading the account shows the change was not applied.");
        assertThat(entry.before()).containsEntry("frozen", "false");
        assertThat(entry.after()).containsEntry("frozen", "false");
    }

    @Test
    void verifyDetectsAnEditedActivityLine(FxRobot robot) throws Exception {
        open(robot, 12);
        robot.clickOn("#freezeButton");
        await(() -> robot.lookup("#dialogAction").tryQuery().isPresent());
        robot.clickOn("#dialogAction");
        await(() -> activity().size() == 1);
        robot.clickOn("#navActivity");
        robot.clickOn("#verifyButton");
        await(() -> text(robot, "#verifyResult").equals("Log intact: 1 entries, the chain is unbroken."));

        Path log = console.session.dirs().data().resolve("activity.jsonl");
        String line = Files.readString(log, StandardCharsets.UTF_8);
        Files.writeString(log, line.replace("\"operator\":\"tester\"", "\"operator\":\"mallory\""), StandardCharsets.UTF_8);
        robot.clickOn("#verifyButton");
        await(() -> text(robot, "#verifyResult")
                .equals("Log altered at line 1: the entry was changed after it was written."));
    }

    @Test
    void productionShowsTheRedBannerAndEveryDestructiveActionNeedsTheTypedConfirmation(FxRobot robot)
            throws Exception {
        console.awaitReady();
        // A production profile whose calls still reach the loopback sandbox: the console's care
        // follows the profile's environment, which is what is under test here.
        Profile production = new Profile("Production", "https://api.link.aliyun.com", ConsoleFixture.APP_KEY,
                3000, null, false);
        robot.interact(() -> console.session.activate(production, console.session.clientSettings()));
        Label banner = node(robot, "#productionBanner");
        await(banner::isVisible);
        assertThat(banner.getText()).startsWith("PRODUCTION");

        int active = 13;
        while (!Boolean.FALSE.equals(console.demoAccount(active).frozen())) {
            active++;
        }
        Account a = open(robot, active);
        robot.clickOn("#freezeButton");
        await(() -> robot.lookup("#confirmText").tryQuery().isPresent());
        assertThat(text(robot, "#confirmDetails")).startsWith("Now: Active.")
                .contains(Masking.maskPhone(a.phone()));
        Button action = node(robot, "#dialogAction");
        assertThat(action.isDisabled()).isTrue();
        fill(robot, "#confirmText", a.identityId().substring(a.identityId().length() - 6));
        await(() -> !action.isDisabled());
        robot.clickOn("#dialogAction");
        await(() -> account().accountProperty().get() != null
                && Boolean.TRUE.equals(account().accountProperty().get().frozen()));
        await(() -> activity().stream().anyMatch(e -> e.action().equals("freeze") && e.profile().equals("Production")));
    }
}
