package dev.accountconsole.ui;

import static dev.accountconsole.ui.ConsoleFixture.await;
import static dev.accountconsole.ui.ConsoleFixture.fill;
import static dev.accountconsole.ui.ConsoleFixture.node;
import static dev.accountconsole.ui.ConsoleFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.account.Account;
import dev.accountconsole.sandbox.DemoData;
import dev.accountconsole.ui.search.SearchMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

/** The search page against the real sandbox: every mode, validation as you type, opening an account. */
@ExtendWith(ApplicationExtension.class)
class SearchViewTest {
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

    private void chooseMode(FxRobot robot, SearchMode mode) {
        ComboBox<SearchMode> modes = node(robot, "#modeChoice");
        robot.interact(() -> modes.setValue(mode));
    }

    private TableView<Account> results(FxRobot robot) {
        return node(robot, "#results");
    }

    @Test
    void phoneSearchShowsMaskedRowAndEnterOpensTheAccount(FxRobot robot) throws Exception {
        console.awaitReady();
        Account expected = console.demoAccount(1);
        robot.clickOn("#phoneField").write(DemoData.phone(1)).type(KeyCode.ENTER);
        await(() -> results(robot).getItems().size() == 1);
        assertThat(results(robot).getItems().get(0).identityId()).isEqualTo(expected.identityId());
        assertThat(console.session.lastRequestIdProperty().get()).isNotBlank();

        robot.interact(() -> {
            results(robot).requestFocus();
            results(robot).getSelectionModel().select(0);
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
        assertThat(clip[0]).isEqualTo(expected.identityId());
        robot.type(KeyCode.ENTER);
        await(() -> console.window.workspace().pageProperty().get() == Page.ACCOUNT
                && console.window.workspace().account().accountProperty().get() != null);
        assertThat(text(robot, "#value-identityId")).isEqualTo(expected.identityId());
    }

    @Test
    void emailSearchAndEmptyState(FxRobot robot) throws Exception {
        console.awaitReady();
        Account withEmail = null;
        for (int i = 0; withEmail == null; i++) {
            Account a = console.demoAccount(i);
            if (a.email() != null) {
                withEmail = a;
            }
        }
        chooseMode(robot, SearchMode.EMAIL);
        fill(robot, "#emailField", withEmail.email());
        robot.clickOn("#searchButton");
        String id = withEmail.identityId();
        await(() -> results(robot).getItems().size() == 1 && results(robot).getItems().get(0).identityId().equals(id));

        fill(robot, "#emailField", "nobody-here@example.com");
        robot.clickOn("#searchButton");
        await(() -> results(robot).getItems().isEmpty() && !console.window.workspace().search().busyProperty().get());
        assertThat(text(robot, "#summary")).isEqualTo("No account matches.");
    }

    @Test
    void loginIdSearch(FxRobot robot) throws Exception {
        console.awaitReady();
        Account a = console.demoAccount(2);
        chooseMode(robot, SearchMode.LOGIN_ID);
        fill(robot, "#loginIdField", a.loginId());
        fill(robot, "#loginSourceField", a.loginSource());
        robot.clickOn("#searchButton");
        await(() -> results(robot).getItems().size() == 1
                && results(robot).getItems().get(0).identityId().equals(a.identityId()));
    }

    @Test
    void pastedListOfMoreThanFiftyIdsIsFetchedInBatches(FxRobot robot) throws Exception {
        console.awaitReady();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(console.demoAccount(i).identityId());
        }
        for (int i = 0; i < 55; i++) {
            ids.add("unknownop" + i);
        }
        chooseMode(robot, SearchMode.IDENTITY_IDS);
        fill(robot, "#idsArea", String.join(",\n", ids.subList(0, 30)) + " " + String.join(" ", ids.subList(30, ids.size())));
        assertThat(text(robot, "#idsHint")).isEqualTo("58 IDs, fetched in 2 calls");
        robot.clickOn("#searchButton");
        await(() -> results(robot).getItems().size() == 3);
    }

    @Test
    void validationAsYouTypeBlocksTheSearch(FxRobot robot) throws Exception {
        console.awaitReady();
        robot.clickOn("#phoneField").write("138-0000");
        Label error = node(robot, "#inputError");
        Button search = node(robot, "#searchButton");
        await(error::isVisible);
        assertThat(error.getText()).startsWith("Phone: must be 4 to 15 digits");
        assertThat(search.isDisabled()).isTrue();
        fill(robot, "#phoneField", "13800000000");
        await(() -> !error.isVisible() && !search.isDisabled());
    }

    @Test
    void resultsExportAsCsvWithBomAndMaskedPersonalData(FxRobot robot) throws Exception {
        console.awaitReady();
        Account expected = console.demoAccount(2);
        robot.clickOn("#phoneField").write(DemoData.phone(2)).type(KeyCode.ENTER);
        await(() -> results(robot).getItems().size() == 1);
        java.nio.file.Path csv = home.resolve("accounts-" + System.nanoTime() + ".csv");
        robot.interact(() -> console.window.workspace().search().exportCsv(csv));
        await(() -> java.nio.file.Files.exists(csv));
        String content = java.nio.file.Files.readString(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(content).startsWith("\uFEFFidentityId,loginName,nickName,phone,email,frozen\r\n");
        assertThat(content).contains(expected.identityId())
                .contains(dev.accountconsole.account.Masking.maskPhone(expected.phone()))
                .doesNotContain(expected.phone());
        if (expected.email() != null && !expected.email().isEmpty()) {
            assertThat(content).doesNotContain(expected.email());
        }
        await(() -> text(robot, "#summary").startsWith("Exported 1 account to"));
    }
}
