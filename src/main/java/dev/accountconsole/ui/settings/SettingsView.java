package dev.accountconsole.ui.settings;

import dev.accountconsole.i18n.Messages;
import dev.accountconsole.ui.Theme;
import dev.accountconsole.ui.common.Clipboards;
import dev.accountconsole.ui.common.PageView;
import dev.accountconsole.ui.common.Problem;
import dev.accountconsole.ui.common.ProblemBanner;
import java.util.Locale;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

/** Settings page: binds {@link SettingsViewModel}. Language applies as soon as it is chosen. */
public final class SettingsView implements PageView {
    private final SettingsViewModel vm;

    @FXML private ComboBox<Locale> languageChoice;
    @FXML private TextField operatorField;
    @FXML private ComboBox<Theme> themeChoice;
    @FXML private ComboBox<String> profileChoice;
    @FXML private Button newProfileButton;
    @FXML private Button useSandboxButton;
    @FXML private TextField nameField;
    @FXML private TextField endpointField;
    @FXML private TextField appKeyField;
    @FXML private PasswordField appSecretField;
    @FXML private PasswordField iotTokenField;
    @FXML private TextField timeoutField;
    @FXML private Label storageHint;
    @FXML private Button saveButton;
    @FXML private Button testButton;
    @FXML private ProgressIndicator progress;
    @FXML private Label statusLabel;
    @FXML private ProblemBanner problemBanner;

    // Registered weakly: a language switch builds new views over the same view model, and the old
    // view must go with its nodes instead of staying reachable from the view model.
    private final ChangeListener<Problem> problemListener = (obs, o, p) -> problemBanner.show(p);

    public SettingsView(SettingsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        languageChoice.getItems().setAll(Locale.ENGLISH, Messages.CHINESE);
        // Each language is named in itself, so an operator who cannot read the current one finds theirs.
        languageChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Locale l) {
                return l == null ? "" : Messages.get(l, "settings.language.self");
            }

            @Override
            public Locale fromString(String s) {
                return null;
            }
        });
        languageChoice.setValue(vm.localeProperty().get());
        languageChoice.valueProperty().addListener((obs, o, l) -> {
            if (l != null && !l.equals(vm.localeProperty().get())) {
                vm.setLanguage(l);
            }
        });
        operatorField.textProperty().bindBidirectional(vm.operatorProperty());
        themeChoice.getItems().setAll(Theme.values());
        themeChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Theme t) {
                return t == null ? "" : vm.themeName(t);
            }

            @Override
            public Theme fromString(String s) {
                return null;
            }
        });
        themeChoice.valueProperty().bindBidirectional(vm.themeProperty());

        profileChoice.setItems(vm.profileNames());
        profileChoice.valueProperty().bindBidirectional(vm.selectedProfileProperty());
        profileChoice.valueProperty().addListener((obs, o, n) -> {
            if (n != null && !n.equals(vm.nameProperty().get())) {
                vm.select(n);
            }
        });
        newProfileButton.setOnAction(e -> {
            vm.newProfile();
            nameField.requestFocus();
        });
        useSandboxButton.setOnAction(e -> vm.useSandbox());
        vm.reloadProfiles();

        nameField.textProperty().bindBidirectional(vm.nameProperty());
        endpointField.textProperty().bindBidirectional(vm.endpointProperty());
        appKeyField.textProperty().bindBidirectional(vm.appKeyProperty());
        appSecretField.textProperty().bindBidirectional(vm.appSecretProperty());
        iotTokenField.textProperty().bindBidirectional(vm.iotTokenProperty());
        timeoutField.textProperty().bindBidirectional(vm.timeoutMillisProperty());
        for (TextField f : new TextField[] {nameField, endpointField, appKeyField, appSecretField, iotTokenField}) {
            f.disableProperty().bind(vm.builtInProperty());
        }

        saveButton.setOnAction(e -> vm.saveAndUse());
        testButton.setOnAction(e -> vm.testConnection());
        saveButton.disableProperty().bind(vm.busyProperty());
        testButton.disableProperty().bind(vm.busyProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        storageHint.textProperty().bind(vm.storageHintBinding());
        problemBanner.setOnRetry(vm::retry);
        problemBanner.setOnCopyTicket(() -> Clipboards.copy(vm.ticketText()));
        vm.problemProperty().addListener(new WeakChangeListener<>(problemListener));
        problemBanner.show(vm.problemProperty().get());
    }

    @Override
    public void focusFirst() {
        languageChoice.requestFocus();
    }

    @Override
    public String ticketText() {
        return vm.ticketText();
    }
}
