package dev.accountconsole.ui.register;

import dev.accountconsole.ui.Workspace;
import dev.accountconsole.ui.common.Clipboards;
import dev.accountconsole.ui.common.FieldValidation;
import dev.accountconsole.ui.common.PageView;
import dev.accountconsole.ui.common.Problem;
import dev.accountconsole.ui.common.ProblemBanner;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;

/** Register page: binds {@link RegisterViewModel}; Enter in any field submits. */
public final class RegisterView implements PageView {
    private final Workspace workspace;
    private final RegisterViewModel vm;
    private final FieldValidation validation = new FieldValidation();

    @FXML private TextField loginNameField;
    @FXML private TextField phoneField;
    @FXML private TextField mobileLocationCodeField;
    @FXML private TextField emailField;
    @FXML private TextField nickNameField;
    @FXML private PasswordField passwordField;
    @FXML private TextField passwordShown;
    @FXML private CheckBox showPassword;
    @FXML private PasswordField passwordConfirmField;
    @FXML private TextField avatarUrlField;
    @FXML private TextField createrField;
    @FXML private Label loginNameError;
    @FXML private Label phoneError;
    @FXML private Label mobileLocationCodeError;
    @FXML private Label emailError;
    @FXML private Label nickNameError;
    @FXML private Label passwordError;
    @FXML private Label passwordConfirmError;
    @FXML private Label avatarUrlError;
    @FXML private Label createrError;
    @FXML private Button submitButton;
    @FXML private Button clearButton;
    @FXML private Button cancelButton;
    @FXML private ProgressIndicator progress;
    @FXML private ProblemBanner problemBanner;
    @FXML private HBox outcomePane;
    @FXML private Label outcomeLabel;
    @FXML private HBox successPane;
    @FXML private Label successLabel;
    @FXML private Button copyNewIdButton;
    @FXML private Button openNewButton;

    // Registered weakly: a language switch builds new views over the same view model, and the old
    // view must go with its nodes instead of staying reachable from the view model.
    private final ChangeListener<Problem> problemListener = (obs, o, p) -> problemBanner.show(p);

    public RegisterView(Workspace workspace) {
        this.workspace = workspace;
        this.vm = workspace.register();
    }

    @FXML
    private void initialize() {
        Map<String, TextInputControl> inputs = Map.of("loginName", loginNameField, "phone", phoneField,
                "mobileLocationCode", mobileLocationCodeField, "email", emailField, "nickName", nickNameField,
                "password", passwordField, "passwordConfirm", passwordConfirmField, "avatarUrl", avatarUrlField,
                "creater", createrField);
        Map<String, Label> errors = Map.of("loginName", loginNameError, "phone", phoneError,
                "mobileLocationCode", mobileLocationCodeError, "email", emailError, "nickName", nickNameError,
                "password", passwordError, "passwordConfirm", passwordConfirmError, "avatarUrl", avatarUrlError,
                "creater", createrError);
        inputs.forEach((field, input) -> {
            input.textProperty().bindBidirectional(vm.field(field));
            input.editableProperty().bind(vm.busyProperty().not());
            if (input instanceof TextField tf) {
                tf.setOnAction(e -> vm.submit());
            }
            errors.get(field).textProperty().bind(vm.errorFor(field));
            validation.register(input, vm.errorFor(field));
        });
        passwordShown.textProperty().bindBidirectional(vm.field("password"));
        validation.register(passwordShown, vm.errorFor("password"));
        passwordShown.setOnAction(e -> vm.submit());
        passwordShown.visibleProperty().bind(showPassword.selectedProperty());
        passwordField.visibleProperty().bind(showPassword.selectedProperty().not());

        submitButton.disableProperty().bind(vm.busyProperty().or(vm.invalidProperty()));
        submitButton.setOnAction(e -> vm.submit());
        clearButton.disableProperty().bind(vm.busyProperty());
        clearButton.setOnAction(e -> {
            vm.clear();
            focusFirst();
        });
        cancelButton.visibleProperty().bind(vm.busyProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        cancelButton.setOnAction(e -> vm.cancel());
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        problemBanner.setOnRetry(vm::submit);
        problemBanner.setOnCopyTicket(() -> Clipboards.copy(vm.ticketText()));
        vm.problemProperty().addListener(new WeakChangeListener<>(problemListener));
        problemBanner.show(vm.problemProperty().get());
        outcomeLabel.textProperty().bind(vm.outcomeProperty());
        outcomePane.visibleProperty().bind(vm.outcomeProperty().isNotEmpty());
        outcomePane.managedProperty().bind(outcomePane.visibleProperty());

        successPane.visibleProperty().bind(vm.newIdentityIdProperty().isNotNull());
        successPane.managedProperty().bind(successPane.visibleProperty());
        successLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.newIdentityIdProperty().get() == null
                ? "" : workspace.session().text("register.success", vm.newIdentityIdProperty().get()),
                vm.newIdentityIdProperty()));
        copyNewIdButton.setAccessibleText(workspace.session().text("account.copyField",
                workspace.session().text("field.identityId")));
        copyNewIdButton.setOnAction(e -> Clipboards.copy(vm.newIdentityIdProperty().get()));
        openNewButton.setOnAction(e -> workspace.openAccount(vm.newIdentityIdProperty().get()));
    }

    @Override
    public void focusFirst() {
        loginNameField.requestFocus();
    }

    @Override
    public String ticketText() {
        return vm.ticketText();
    }

    @Override
    public void cancel() {
        vm.cancel();
    }
}
