package dev.accountconsole.ui.account;

import dev.accountconsole.account.Account;
import dev.accountconsole.ui.ConsoleSession;
import dev.accountconsole.ui.Page;
import dev.accountconsole.ui.Workspace;
import dev.accountconsole.ui.common.Clipboards;
import dev.accountconsole.ui.common.DialogService;
import dev.accountconsole.ui.common.PageView;
import dev.accountconsole.ui.common.ProblemBanner;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Account detail page: every field, copy buttons, the avatar, and the actions with their confirmations. */
public final class AccountView implements PageView {
    private static final int ID_TAIL = 6;

    private final Workspace workspace;
    private final ConsoleSession session;
    private final AccountViewModel vm;
    private final DialogService dialogs;

    @FXML private Button backButton;
    @FXML private Label title;
    @FXML private Label frozenBadge;
    @FXML private ProgressIndicator progress;
    @FXML private Button cancelButton;
    @FXML private Button refreshButton;
    @FXML private HBox outcomePane;
    @FXML private Label outcome;
    @FXML private ProblemBanner problemBanner;
    @FXML private HBox detailPane;
    @FXML private Label avatarPlaceholder;
    @FXML private ImageView avatar;
    @FXML private GridPane fields;
    @FXML private HBox actions;
    @FXML private Button editButton;
    @FXML private Button freezeButton;
    @FXML private Button unfreezeButton;
    @FXML private Button unregisterButton;
    @FXML private VBox editPane;
    @FXML private TextField editLoginName;
    @FXML private TextField editPhone;
    @FXML private TextField editEmail;
    @FXML private TextField editNickName;
    @FXML private TextField editAvatarUrl;
    @FXML private PasswordField editPassword;
    @FXML private Label editProblem;
    @FXML private Button saveButton;
    @FXML private Button cancelEditButton;

    public AccountView(Workspace workspace, DialogService dialogs) {
        this.workspace = workspace;
        this.session = workspace.session();
        this.vm = workspace.account();
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        backButton.setOnAction(e -> workspace.pageProperty().set(Page.SEARCH));
        refreshButton.setOnAction(e -> vm.refresh());
        refreshButton.disableProperty().bind(vm.busyProperty());
        refreshButton.setTooltip(new Tooltip(session.text("account.refresh.tooltip")));
        cancelButton.setOnAction(e -> vm.cancel());
        cancelButton.visibleProperty().bind(vm.busyProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        outcome.textProperty().bind(vm.outcomeProperty());
        outcomePane.visibleProperty().bind(vm.outcomeProperty().isNotEmpty());
        outcomePane.managedProperty().bind(outcomePane.visibleProperty());
        problemBanner.setOnRetry(vm::retry);
        vm.problemProperty().addListener((obs, o, p) -> problemBanner.show(p));
        problemBanner.show(vm.problemProperty().get());

        detailPane.visibleProperty().bind(vm.accountProperty().isNotNull());
        detailPane.managedProperty().bind(detailPane.visibleProperty());
        actions.visibleProperty().bind(vm.accountProperty().isNotNull().and(vm.editingProperty().not()));
        actions.managedProperty().bind(actions.visibleProperty());
        vm.accountProperty().addListener((obs, o, a) -> showAccount(a));
        showAccount(vm.accountProperty().get());

        var cannotAct = vm.canActBinding().not();
        editButton.disableProperty().bind(cannotAct);
        freezeButton.disableProperty().bind(cannotAct.or(frozen(true)));
        unfreezeButton.disableProperty().bind(cannotAct.or(frozen(false)));
        unregisterButton.disableProperty().bind(cannotAct);
        editButton.setOnAction(e -> {
            vm.startEdit();
            editLoginName.requestFocus();
        });
        freezeButton.setOnAction(e -> confirmFreeze());
        unfreezeButton.setOnAction(e -> confirmUnfreeze());
        unregisterButton.setOnAction(e -> confirmUnregister());

        editPane.visibleProperty().bind(vm.editingProperty());
        editPane.managedProperty().bind(editPane.visibleProperty());
        editLoginName.textProperty().bindBidirectional(vm.editLoginNameProperty());
        editPhone.textProperty().bindBidirectional(vm.editPhoneProperty());
        editEmail.textProperty().bindBidirectional(vm.editEmailProperty());
        editNickName.textProperty().bindBidirectional(vm.editNickNameProperty());
        editAvatarUrl.textProperty().bindBidirectional(vm.editAvatarUrlProperty());
        editPassword.textProperty().bindBidirectional(vm.editPasswordProperty());
        editProblem.textProperty().bind(vm.editProblemBinding());
        editProblem.visibleProperty().bind(vm.editProblemBinding().isNotNull());
        editProblem.managedProperty().bind(editProblem.visibleProperty());
        saveButton.disableProperty().bind(vm.canSaveBinding().not());
        saveButton.setOnAction(e -> vm.saveEdit());
        cancelEditButton.setOnAction(e -> vm.cancelEdit());
    }

    private javafx.beans.binding.BooleanBinding frozen(boolean state) {
        return Bindings.createBooleanBinding(() -> {
            Account a = vm.accountProperty().get();
            return a != null && a.frozen() != null && a.frozen() == state;
        }, vm.accountProperty());
    }

    private void confirmFreeze() {
        Account a = vm.accountProperty().get();
        if (dialogs.confirm(session.text("account.freeze.title"),
                session.text("account.freeze.header", a.displayName(), a.identityId()),
                session.text("account.freeze.content"),
                session.text("account.freeze.confirm"), session.text("common.cancel"))) {
            vm.freeze();
        }
    }

    private void confirmUnfreeze() {
        Account a = vm.accountProperty().get();
        if (dialogs.confirm(session.text("account.unfreeze.title"),
                session.text("account.unfreeze.header", a.displayName(), a.identityId()),
                session.text("account.unfreeze.content"),
                session.text("account.unfreeze.confirm"), session.text("common.cancel"))) {
            vm.unfreeze();
        }
    }

    private void confirmUnregister() {
        Account a = vm.accountProperty().get();
        String id = a.identityId();
        String tail = id.length() > ID_TAIL ? id.substring(id.length() - ID_TAIL) : id;
        String prompt = a.loginName() != null && !a.loginName().isBlank()
                ? session.text("account.unregister.promptWithName", a.loginName(), tail)
                : session.text("account.unregister.prompt", tail);
        if (dialogs.confirmByTyping(session.text("account.unregister.title"),
                session.text("account.unregister.header", a.displayName(), id), prompt,
                session.text("account.unregister.confirm"), session.text("common.cancel"), a.loginName(), tail)) {
            vm.unregister();
        }
    }

    private void showAccount(Account a) {
        fields.getChildren().clear();
        frozenBadge.setVisible(a != null && Boolean.TRUE.equals(a.frozen()));
        frozenBadge.setManaged(frozenBadge.isVisible());
        if (a == null) {
            title.setText(vm.identityIdProperty().get() == null ? "" : vm.identityIdProperty().get());
            avatar.setImage(null);
            return;
        }
        title.setText(a.displayName());
        int row = 0;
        row = addRow(row, "identityId", a.identityId(), true);
        row = addRow(row, "loginId", a.loginId(), true);
        row = addRow(row, "loginSource", a.loginSource(), false);
        row = addRow(row, "loginName", a.loginName(), false);
        row = addRow(row, "phone", a.phone(), false);
        row = addRow(row, "mobileLocationCode", a.phoneLocationCode(), false);
        row = addRow(row, "email", a.email(), false);
        row = addRow(row, "nickName", a.nickName(), false);
        row = addRow(row, "avatarUrl", a.avatarUrl(), false);
        row = addRow(row, "creater", a.creater(), false);
        row = addRow(row, "modifier", a.modifier(), false);
        row = addRow(row, "createAppKey", a.createAppKey(), false);
        row = addRow(row, "gmtCreate", time(a.gmtCreate()), false);
        row = addRow(row, "gmtModified", time(a.gmtModified()), false);
        addRow(row, "frozen", a.frozen() == null ? session.text("account.frozen.unknown")
                : session.text(a.frozen() ? "account.frozen.yes" : "account.frozen.no"), false);
        loadAvatar(a.avatarUrl());
    }

    private int addRow(int row, String field, String value, boolean copyable) {
        Label name = new Label(session.text("field." + field));
        name.getStyleClass().add("form-label");
        Label v = new Label(value == null || value.isEmpty() ? "—" : value);
        v.setId("value-" + field);
        v.getStyleClass().add("value");
        fields.addRow(row, name, v);
        if (copyable && value != null) {
            Button copy = new Button(session.text("common.copy"));
            copy.setId("copy-" + field);
            copy.setAccessibleText(session.text("account.copyField", session.text("field." + field)));
            copy.setTooltip(new Tooltip(copy.getAccessibleText()));
            copy.setOnAction(e -> Clipboards.copy(value));
            fields.add(copy, 2, row);
        }
        return row + 1;
    }

    private String time(Long epochMillis) {
        if (epochMillis == null) {
            return null;
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(session.locale())
                .format(Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault()));
    }

    /** Loads in the background (JavaFX's own loader thread); the placeholder stays until it arrives. */
    private void loadAvatar(String url) {
        avatar.setImage(null);
        avatarPlaceholder.setVisible(true);
        if (url == null || url.isBlank()) {
            return;
        }
        try {
            Image image = new Image(url, 96, 96, true, true, true);
            image.progressProperty().addListener((obs, o, p) -> {
                if (p.doubleValue() >= 1.0 && !image.isError()) {
                    avatarPlaceholder.setVisible(false);
                }
            });
            avatar.setImage(image);
        } catch (IllegalArgumentException e) {
            avatarPlaceholder.setVisible(true);
        }
    }

    @Override
    public void focusFirst() {
        Node target = vm.editingProperty().get() ? editLoginName : refreshButton;
        target.requestFocus();
    }

    @Override
    public void refresh() {
        vm.refresh();
    }

    @Override
    public void cancel() {
        vm.cancel();
    }
}
