package dev.accountconsole.ui;

import static dev.accountconsole.ui.ConsoleFixture.await;
import static dev.accountconsole.ui.ConsoleFixture.decoration;
import static dev.accountconsole.ui.ConsoleFixture.fill;
import static dev.accountconsole.ui.ConsoleFixture.node;
import static dev.accountconsole.ui.ConsoleFixture.text;
import static dev.accountconsole.ui.ConsoleFixture.validationErrors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.i18n.Messages;
import dev.accountconsole.sandbox.DemoData;
import dev.accountconsole.sandbox.FaultSettings;
import dev.accountconsole.ui.common.FieldValidation;
import dev.accountconsole.ui.register.RegisterViewModel;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Register against the real sandbox: success, every kind of validation error (with ControlsFX's
 * decoration on the field), a refused submit that keeps the form.
 */
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

    /** Types a wrong phone, checks the decoration and its message, then fixes it and checks it clears. */
    private void invalidPhoneIsDecoratedUntilFixed(FxRobot robot, String expectedMessage) throws Exception {
        TextField phone = node(robot, "#phoneField");
        Button submit = node(robot, "#submitButton");
        assertThat(FieldValidation.of(phone)).as("the field is under ControlsFX validation").isNotNull();
        assertThat(decoration(robot, phone)).as("an untouched form is not decorated").isNull();
        assertThat(submit.isDisabled()).isFalse();

        robot.clickOn("#phoneField").write("138-0013");
        await(() -> validationErrors(robot, phone).size() == 1);
        ValidationMessage error = validationErrors(robot, phone).get(0);
        assertThat(error.getSeverity()).isEqualTo(Severity.ERROR);
        assertThat(error.getText()).as("the service's rule, in the bundle's words, naming field and fix")
                .isEqualTo(expectedMessage).isEqualTo(text(robot, "#phoneError"));
        Node mark = decoration(robot, phone);
        assertThat(mark).as("the graphic decoration sits on the phone field").isNotNull();
        assertThat(mark.isVisible()).isTrue();
        assertThat(((Label) mark).getTooltip().getText()).isEqualTo(expectedMessage);
        assertThat(phone.getStyleClass()).contains("invalid");
        assertThat(submit.isDisabled()).as("no submit while a field is invalid").isTrue();
        // A submit that went ahead would be busy at once (set before the call leaves, on this thread).
        robot.interact(() -> {
            vm().submit();
            assertThat(vm().busyProperty().get()).as("and the submit refuses").isFalse();
        });

        fill(robot, "#phoneField", "");
        robot.clickOn("#phoneField").write("13800138000");
        await(() -> validationErrors(robot, phone).isEmpty() && decoration(robot, phone) == null);
        assertThat(text(robot, "#phoneError")).isNull();
        assertThat(phone.getStyleClass()).doesNotContain("invalid");
        assertThat(submit.isDisabled()).isFalse();
    }

    @Test
    void aWrongPhoneIsDecoratedByControlsFxWithTheFieldAndTheFixUntilCorrected(FxRobot robot) throws Exception {
        openRegister(robot);
        invalidPhoneIsDecoratedUntilFixed(robot, "Phone: must be 11 digits starting with 1 (mainland China, "
                + "location code 86); remove spaces, dashes and the +86 prefix.");
    }

    @Test
    void theDecorationSpeaksChineseInChinese(FxRobot robot) throws Exception {
        console.awaitReady();
        robot.interact(() -> console.session.localeProperty().set(Messages.CHINESE));
        robot.interact(() -> console.window.workspace().pageProperty().set(Page.REGISTER));
        await(() -> robot.lookup("#phoneField").tryQuery().isPresent());
        invalidPhoneIsDecoratedUntilFixed(robot, "手机号：须为以 1 开头的 11 位数字（中国大陆，区号 86）；请去掉空格、横线和 +86 前缀。");
    }
}
