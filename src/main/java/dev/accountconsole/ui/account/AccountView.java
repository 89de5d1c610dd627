package dev.accountconsole.ui.account;

import dev.accountconsole.account.Account;
import dev.accountconsole.account.Masking;
import dev.accountconsole.config.Profile;
import dev.accountconsole.ui.ConsoleSession;
import dev.accountconsole.ui.Page;
import dev.accountconsole.ui.Workspace;
import dev.accountconsole.ui.common.Clipboards;
import dev.accountconsole.ui.common.DialogService;
import dev.accountconsole.ui.common.FieldValidation;
import dev.accountconsole.ui.common.PageView;
import dev.accountconsole.ui.common.Problem;
import dev.accountconsole.ui.common.ProblemBanner;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.SetChangeListener;
import javafx.collections.WeakSetChangeListener;
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
    private final FieldValidation validation = new FieldValidation();

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
    @FXML private Button ticketButton;
    @FXML private VBox editPane;
    @FXML private TextField editLoginName;
    @FXML private TextField editPhone;
    @FXML private TextField editEmail;
    @FXML private Button editRevealPhone;
    @FXML private Button editRevealEmail;
    @FXML private TextField editNickName;
    @FXML private TextField editAvatarUrl;
    @FXML private PasswordField editPassword;
    @FXML private Label editProblem;
    @FXML private Button saveButton;
    @FXML private Button cancelEditButton;

    // Registered weakly: a language switch builds new views over the same view model, and the old
    // view must go with its nodes instead of staying reachable from the view model.
    private final ChangeListener<Boolean> uncertainListener = (obs, o, u) -> markUncertain(u);
    private final SetChangeListener<String> revealedListener = c -> showCurrentAccount();
    private final ChangeListener<Problem> problemListener = (obs, o, p) -> problemBanner.show(p);
    private final ChangeListener<Account> accountListener = (obs, o, a) -> showAccount(a);

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
        vm.outcomeUncertainProperty().addListener(new WeakChangeListener<>(uncertainListener));
        markUncertain(vm.outcomeUncertainProperty().get());
        problemBanner.setOnRetry(vm::retry);
        problemBanner.setOnCopyTicket(() -> Clipboards.copy(vm.ticketText()));
        ticketButton.setOnAction(e -> Clipboards.copy(vm.ticketText()));
        ticketButton.setTooltip(new Tooltip(session.text("support.ticket.tooltip")));
        vm.revealed().addListener(new WeakSetChangeListener<>(revealedListener));
        vm.problemProperty().addListener(new WeakChangeListener<>(problemListener));
        problemBanner.show(vm.problemProperty().get());

        detailPane.visibleProperty().bind(vm.accountProperty().isNotNull());
        detailPane.managedProperty().bind(detailPane.visibleProperty());
        actions.visibleProperty().bind(vm.accountProperty().isNotNull().and(vm.editingProperty().not()));
        actions.managedProperty().bind(actions.visibleProperty());
        vm.accountProperty().addListener(new WeakChangeListener<>(accountListener));
        showCurrentAccount();

        var cannotAct = vm.canActBinding().not();
        editButton.disableProperty().bind(cannotAct);
        freezeButton.disableProperty().bind(cannotAct.or(frozen(true)));
        unfreezeButton.disableProperty().bind(cannotAct.or(frozen(false)));
        unregisterButton.disableProperty().bind(cannotAct);
        editButton.setOnAction(e -> {
            vm.startEdit();
            editLoginName.requestFocus();
        });
        freezeButton.setOnAction(e -> vm.prepare(this::confirmFreeze));
        unfreezeButton.setOnAction(e -> vm.prepare(this::confirmUnfreeze));
        unregisterButton.setOnAction(e -> vm.prepare(this::confirmUnregister));

        editPane.visibleProperty().bind(vm.editingProperty());
        editPane.managedProperty().bind(editPane.visibleProperty());
        editLoginName.textProperty().bindBidirectional(vm.editLoginNameProperty());
        editPhone.textProperty().bindBidirectional(vm.editPhoneProperty());
        editEmail.textProperty().bindBidirectional(vm.editEmailProperty());
        editPhone.promptTextProperty().bind(vm.editPhonePromptBinding());
        editEmail.promptTextProperty().bind(vm.editEmailPromptBinding());
        bindReveal(editRevealPhone, "phone");
        bindReveal(editRevealEmail, "email");
        editNickName.textProperty().bindBidirectional(vm.editNickNameProperty());
        editAvatarUrl.textProperty().bindBidirectional(vm.editAvatarUrlProperty());
        editPassword.textProperty().bindBidirectional(vm.editPasswordProperty());
        Map.of("loginName", editLoginName, "phone", editPhone, "email", editEmail, "nickName", editNickName,
                "avatarUrl", editAvatarUrl, "password", editPassword)
                .forEach((field, input) -> validation.register(input, vm.editErrorBinding(field)));
        editProblem.textProperty().bind(vm.editProblemBinding());
        editProblem.visibleProperty().bind(vm.editProblemBinding().isNotNull());
        editProblem.managedProperty().bind(editProblem.visibleProperty());
        saveButton.disableProperty().bind(vm.canSaveBinding().not());
        saveButton.setOnAction(e -> vm.prepare(this::confirmModify));
        cancelEditButton.setOnAction(e -> vm.cancelEdit());
    }

    private javafx.beans.binding.BooleanBinding frozen(boolean state) {
        return Bindings.createBooleanBinding(() -> {
            Account a = vm.accountProperty().get();
            return a != null && a.frozen() != null && a.frozen() == state;
        }, vm.accountProperty());
    }

    private boolean production() {
        return session.profileProperty().get().environment() == Profile.Environment.PRODUCTION;
    }

    /** The account as just re-read, for the confirmation: the operator decides on today's state. */
    private String state(Account a) {
        String frozen = a.frozen() == null ? session.text("account.frozen.unknown")
                : session.text(a.frozen() ? "account.frozen.yes" : "account.frozen.no");
        return session.text("support.confirm.state", frozen, dash(Masking.maskPhone(a.phone())),
                dash(Masking.maskEmail(a.email())), dash(time(a.gmtModified())), dash(a.modifier()));
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "—" : s;
    }

    /**
     * In production every destructive action is confirmed by typing the account's name or id tail;
     * in the sandbox a named button is enough, except for unregister, which is never undone.
     */
    private boolean confirm(Account a, String titleKey, String headerKey, String effect, String actionKey,
                            boolean destructive) {
        String details = state(a) + "\n\n" + effect;
        String title = session.text(titleKey);
        String header = session.text(headerKey, a.displayName(), a.identityId());
        if (destructive && production()) {
            String tail = tail(a.identityId());
            return dialogs.confirmByTyping(title, header, details, typedPrompt(a, tail), session.text(actionKey),
                    session.text("common.cancel"), java.util.Arrays.asList(a.loginName(), tail));
        }
        return dialogs.confirm(title, header, details, session.text(actionKey), session.text("common.cancel"));
    }

    private static String tail(String id) {
        return id.length() > ID_TAIL ? id.substring(id.length() - ID_TAIL) : id;
    }

    private String typedPrompt(Account a, String tail) {
        return a.loginName() != null && !a.loginName().isBlank()
                ? session.text("account.unregister.promptWithName", a.loginName(), tail)
                : session.text("account.unregister.prompt", tail);
    }

    private void confirmFreeze(Account a) {
        if (confirm(a, "account.freeze.title", "account.freeze.header", session.text("account.freeze.content"),
                "account.freeze.confirm", true)) {
            vm.freeze();
        }
    }

    private void confirmUnfreeze(Account a) {
        if (confirm(a, "account.unfreeze.title", "account.unfreeze.header", session.text("account.unfreeze.content"),
                "account.unfreeze.confirm", false)) {
            vm.unfreeze();
        }
    }

    private void confirmModify(Account a) {
        String effect = session.text("support.confirm.modify", vm.describeChanges());
        if (confirm(a, "account.edit.title", "support.confirm.modify.header", effect, "account.edit.save", true)) {
            vm.saveEdit();
        }
    }

    private void confirmUnregister(Account a) {
        String tail = tail(a.identityId());
        String details = state(a) + "\n\n" + session.text("support.confirm.unregister");
        if (dialogs.confirmByTyping(session.text("account.unregister.title"),
                session.text("account.unregister.header", a.displayName(), a.identityId()), details,
                typedPrompt(a, tail), session.text("account.unregister.confirm"), session.text("common.cancel"),
                java.util.Arrays.asList(a.loginName(), tail))) {
            vm.unregister();
        }
    }

    private void markUncertain(boolean uncertain) {
        outcomePane.getStyleClass().removeAll("banner-ok", "banner-warning");
        outcomePane.getStyleClass().add(uncertain ? "banner-warning" : "banner-ok");
    }

    /** The edit form's "Reveal…": the same reason dialog and log entry as the detail's, filling the field. */
    private void bindReveal(Button button, String field) {
        button.visibleProperty().bind(vm.canRevealInEditBinding(field));
        button.managedProperty().bind(button.visibleProperty());
        button.setAccessibleText(session.text("support.reveal.header", session.text("field." + field)));
        button.setOnAction(e -> reveal(field));
    }

    private void reveal(String field) {
        String label = session.text("field." + field);
        dialogs.askReason(session.text("support.reveal.title"), session.text("support.reveal.header", label),
                session.text("support.reveal.prompt"), session.text("support.reveal.confirm"),
                session.text("common.cancel")).ifPresent(reason -> vm.reveal(field, reason));
    }

    private void showCurrentAccount() {
        showAccount(vm.accountProperty().get());
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
        row = addPersonal(row, "phone", a.phone(), Masking.maskPhone(a.phone()));
        row = addRow(row, "mobileLocationCode", a.phoneLocationCode(), false);
        row = addPersonal(row, "email", a.email(), Masking.maskEmail(a.email()));
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

    /** Personal data: masked until revealed, with a reason, for this account. */
    private int addPersonal(int row, String field, String value, String masked) {
        boolean shown = vm.revealed().contains(field);
        int next = addRow(row, field, shown ? value : masked, false);
        if (!shown && value != null && !value.isEmpty()) {
            Button reveal = new Button(session.text("support.reveal.action"));
            reveal.setId("reveal-" + field);
            reveal.setAccessibleText(session.text("support.reveal.header", session.text("field." + field)));
            reveal.setOnAction(e -> reveal(field));
            fields.add(reveal, 2, row);
        }
        return next;
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
    public String ticketText() {
        return vm.ticketText();
    }

    @Override
    public void cancel() {
        vm.cancel();
    }
}
