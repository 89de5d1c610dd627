package dev.accountconsole.ui;

import static dev.accountconsole.ui.ConsoleFixture.await;
import static dev.accountconsole.ui.ConsoleFixture.fill;
import static dev.accountconsole.ui.ConsoleFixture.node;
import static dev.accountconsole.ui.ConsoleFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.sandbox.DemoData;
import dev.accountconsole.sandbox.FaultSettings;
import dev.accountconsole.ui.register.RegisterViewModel;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Register against the real sandbox: success, every kind of validation error, a refused submit that keeps the form. */
@ExtendWith(ApplicationExtension.class)
class RegisterViewTest {
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

    private RegisterViewModel vm() {
        return console.window.workspace().register();
    }

    private void openRegister(FxRobot robot) throws Exception {
        console.awaitReady();
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        await(() -> robot.lookup("#loginNameField").tryQuery().isPresent());
    }

    @Test
    void registersAndOpensTheNewAccount(FxRobot robot) throws Exception {
        openRegister(robot);
        robot.clickOn("#loginNameField").write("new.user.1");
        fill(robot, "#phoneField", "16612345678");
        fill(robot, "#emailField", "new.user.1@example.com");
        fill(robot, "#nickNameField", "New User");
        fill(robot, "#passwordField", "secret-123");
        fill(robot, "#passwordConfirmField", "secret-123");
        assertThat(text(robot, "#createrField")).isEqualTo("tester");
        robot.clickOn("#submitButton");
        await(() -> vm().newIdentityIdProperty().get() != null);
        String id = vm().newIdentityIdProperty().get();
        assertThat(text(robot, "#successLabel")).contains(id);
        robot.clickOn("#openNewButton");
        await(() -> console.window.workspace().account().accountProperty().get() != null);
        assertThat(console.window.workspace().account().accountProperty().get().loginName()).isEqualTo("new.user.1");
        assertThat(console.window.workspace().account().accountProperty().get().creater()).isEqualTo("tester");
    }

    @Test
    void aRegistrationWhoseAnswerIsLostIsSettledByLookingItUpNeverShownAsFailed(FxRobot robot) throws Exception {
        openRegister(robot);
        robot.interact(() -> console.session.setSandboxTimeout(800));
        fill(robot, "#phoneField", "16698765432");
        fill(robot, "#nickNameField", "Slow Answer");
        console.server.faults().set(new FaultSettings(3000, 0, 0));
        try {
            robot.clickOn("#submitButton");
            await(() -> vm().outcomeProperty().get().startsWith("The answer was lost, but re-reading"));
        } finally {
            console.server.faults().clear();
        }
        String id = vm().newIdentityIdProperty().get();
        assertThat(id).isNotNull();
        assertThat(vm().problemProperty().get()).as("never shown as failed").isNull();
        assertThat(text(robot, "#outcomeLabel")).contains(id);
        assertThat(console.server.store().findByPhone("16698765432").identityId()).isEqualTo(id);
    }

    @Test
    void eachKindOfInvalidInputIsExplainedAtItsFieldAndNothingIsSent(FxRobot robot) throws Exception {
        openRegister(robot);
        robot.clickOn("#submitButton");
        Label identifier = node(robot, "#loginNameError");
        await(() -> identifier.getText() != null);
        assertThat(identifier.getText()).contains("at least one of login name, phone or email");

        fill(robot, "#loginNameField", "has space");
        fill(robot, "#phoneField", "12345");
        fill(robot, "#mobileLocationCodeField", "86");
        fill(robot, "#emailField", "not-an-email");
        fill(robot, "#avatarUrlField", "ftp://example.com/a.png");
        fill(robot, "#passwordField", "abc");
        fill(robot, "#passwordConfirmField", "abd");
        assertThat(text(robot, "#loginNameError")).contains("must not contain spaces");
        assertThat(text(robot, "#phoneError")).contains("11 digits starting with 1");
        assertThat(text(robot, "#emailError")).contains("is not an email address");
        assertThat(text(robot, "#avatarUrlError")).contains("http:// or https://");
        assertThat(text(robot, "#passwordError")).contains("at least 6");
        assertThat(text(robot, "#passwordConfirmError")).isEqualTo("The two passwords differ.");
        fill(robot, "#mobileLocationCodeField", "86x");
        assertThat(text(robot, "#mobileLocationCodeError")).contains("1 to 4 digits");

        String before = console.session.lastRequestIdProperty().get();
        robot.clickOn("#submitButton");
        assertThat(console.session.lastRequestIdProperty().get()).isEqualTo(before);
        assertThat(vm().newIdentityIdProperty().get()).isNull();
    }

    @Test
    void refusedByTheServerKeepsEveryField(FxRobot robot) throws Exception {
        openRegister(robot);
        String taken = DemoData.phone(0);
        for (int i = 1; !taken.matches("1[0-9]{10}"); i++) {
            taken = DemoData.phone(i);
        }
        fill(robot, "#loginNameField", "someone.else");
        fill(robot, "#phoneField", taken);
        fill(robot, "#emailField", "someone.else@example.com");
        fill(robot, "#passwordField", "secret-123");
        fill(robot, "#passwordConfirmField", "secret-123");
        robot.clickOn("#submitButton");
        await(() -> vm().problemProperty().get() != null);
        assertThat(text(robot, "#problemMessage")).contains("2402");
        assertThat(text(robot, "#problemRequestId")).contains(console.session.lastRequestIdProperty().get());
        assertThat(text(robot, "#loginNameField")).isEqualTo("someone.else");
        assertThat(text(robot, "#phoneField")).isEqualTo(vm().field("phone").get());
        assertThat(text(robot, "#emailField")).isEqualTo("someone.else@example.com");
        assertThat(text(robot, "#passwordField")).isEqualTo("secret-123");
        assertThat(text(robot, "#passwordConfirmField")).isEqualTo("secret-123");
    }
}
