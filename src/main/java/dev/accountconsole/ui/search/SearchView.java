package dev.accountconsole.ui.search;

import dev.accountconsole.account.Account;
import dev.accountconsole.account.Masking;
import dev.accountconsole.i18n.Messages;
import dev.accountconsole.ui.Workspace;
import dev.accountconsole.ui.common.Clipboards;
import dev.accountconsole.ui.common.PageView;
import dev.accountconsole.ui.common.Problem;
import dev.accountconsole.ui.common.ProblemBanner;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import java.io.File;
import javafx.fxml.FXML;
import javafx.stage.FileChooser;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.util.StringConverter;

/** Search page: binds {@link SearchViewModel} and opens the chosen account. */
public final class SearchView implements PageView {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SEARCH_FROM_LIST = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final Workspace workspace;
    private final SearchViewModel vm;

    @FXML private ComboBox<SearchMode> modeChoice;
    @FXML private Node phonePane;
    @FXML private Node emailPane;
    @FXML private Node loginIdPane;
    @FXML private Node idsPane;
    @FXML private TextField phoneField;
    @FXML private TextField emailField;
    @FXML private TextField loginIdField;
    @FXML private TextField loginSourceField;
    @FXML private TextArea idsArea;
    @FXML private Label inputError;
    @FXML private Label idsHint;
    @FXML private Button searchButton;
    @FXML private Button cancelButton;
    @FXML private ProgressIndicator progress;
    @FXML private ProblemBanner problemBanner;
    @FXML private Label summary;
    @FXML private TableView<Account> results;
    @FXML private TableColumn<Account, String> idColumn;
    @FXML private TableColumn<Account, String> loginNameColumn;
    @FXML private TableColumn<Account, String> nickNameColumn;
    @FXML private TableColumn<Account, String> phoneColumn;
    @FXML private TableColumn<Account, String> emailColumn;
    @FXML private TableColumn<Account, String> frozenColumn;
    @FXML private Button exportButton;

    // Registered weakly: a language switch builds new views over the same view model, and the old
    // view must go with its nodes instead of staying reachable from the view model.
    private final ChangeListener<SearchMode> modeListener = (obs, o, n) -> focusFirst();
    private final ChangeListener<String> inputErrorListener = (obs, o, n) -> markInvalid(n != null);
    private final ChangeListener<Problem> problemListener = (obs, o, p) -> problemBanner.show(p);

    public SearchView(Workspace workspace) {
        this.workspace = workspace;
        this.vm = workspace.search();
    }

    @FXML
    private void initialize() {
        var locale = workspace.session().locale();
        modeChoice.getItems().setAll(SearchMode.values());
        modeChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(SearchMode m) {
                return m == null ? "" : Messages.get(locale, m.key());
            }

            @Override
            public SearchMode fromString(String s) {
                return null;
            }
        });
        modeChoice.valueProperty().bindBidirectional(vm.modeProperty());
        Map<SearchMode, Node> panes = Map.of(SearchMode.PHONE, phonePane, SearchMode.EMAIL, emailPane,
                SearchMode.LOGIN_ID, loginIdPane, SearchMode.IDENTITY_IDS, idsPane);
        panes.forEach((mode, pane) -> {
            pane.visibleProperty().bind(vm.modeProperty().isEqualTo(mode));
            pane.managedProperty().bind(pane.visibleProperty());
        });
        vm.modeProperty().addListener(new WeakChangeListener<>(modeListener));

        phoneField.textProperty().bindBidirectional(vm.phoneProperty());
        emailField.textProperty().bindBidirectional(vm.emailProperty());
        loginIdField.textProperty().bindBidirectional(vm.loginIdProperty());
        loginSourceField.textProperty().bindBidirectional(vm.loginSourceProperty());
        idsArea.textProperty().bindBidirectional(vm.identityIdsProperty());
        // Fields stay enabled while a search runs so that focus, and the operator's place, are kept;
        // only the Search button (and Enter, through the view model) refuse a second call.
        for (TextField f : new TextField[] {phoneField, emailField, loginIdField, loginSourceField}) {
            f.setOnAction(e -> vm.search());
        }
        idsArea.setOnKeyPressed(e -> {
            if (SEARCH_FROM_LIST.match(e)) {
                vm.search();
                e.consume();
            }
        });

        inputError.textProperty().bind(vm.inputErrorBinding());
        inputError.visibleProperty().bind(vm.inputErrorBinding().isNotNull());
        inputError.managedProperty().bind(inputError.visibleProperty());
        vm.inputErrorBinding().addListener(new WeakChangeListener<>(inputErrorListener));
        markInvalid(vm.inputErrorBinding().get() != null);
        idsHint.textProperty().bind(Bindings.createStringBinding(vm::idsHint, vm.identityIdsProperty()));

        searchButton.disableProperty().bind(vm.canSearchBinding().not());
        searchButton.setOnAction(e -> vm.search());
        cancelButton.visibleProperty().bind(vm.busyProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        cancelButton.setOnAction(e -> vm.cancel());
        exportButton.disableProperty().bind(Bindings.isEmpty(vm.results()));
        exportButton.setOnAction(e -> export());
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        problemBanner.setOnRetry(vm::search);
        problemBanner.setOnCopyTicket(() -> Clipboards.copy(vm.ticketText()));
        vm.problemProperty().addListener(new WeakChangeListener<>(problemListener));
        problemBanner.show(vm.problemProperty().get());
        summary.textProperty().bind(vm.summaryProperty());

        idColumn.setCellValueFactory(c -> text(c.getValue().identityId()));
        loginNameColumn.setCellValueFactory(c -> text(c.getValue().loginName()));
        nickNameColumn.setCellValueFactory(c -> text(c.getValue().nickName()));
        phoneColumn.setCellValueFactory(c -> text(Masking.maskPhone(c.getValue().phone())));
        emailColumn.setCellValueFactory(c -> text(Masking.maskEmail(c.getValue().email())));
        frozenColumn.setCellValueFactory(c -> text(frozenText(c.getValue().frozen())));
        var sorted = new javafx.collections.transformation.SortedList<>(vm.results());
        sorted.comparatorProperty().bind(results.comparatorProperty());
        results.setItems(sorted);
        results.setRowFactory(t -> {
            TableRow<Account> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    workspace.openAccount(row.getItem().identityId());
                }
            });
            return row;
        });
        results.setOnKeyPressed(e -> {
            Account selected = results.getSelectionModel().getSelectedItem();
            if (selected == null) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER) {
                workspace.openAccount(selected.identityId());
                e.consume();
            } else if (COPY.match(e)) {
                Clipboards.copy(selected.identityId());
                e.consume();
            }
        });
    }

    private String frozenText(Boolean frozen) {
        if (frozen == null) {
            return workspace.session().text("account.frozen.unknown");
        }
        return workspace.session().text(frozen ? "account.frozen.yes" : "account.frozen.no");
    }

    private void markInvalid(boolean invalid) {
        for (Node n : new Node[] {phoneField, emailField, idsArea}) {
            n.getStyleClass().remove("invalid");
            if (invalid) {
                n.getStyleClass().add("invalid");
            }
        }
    }

    private static ReadOnlyStringWrapper text(String s) {
        return new ReadOnlyStringWrapper(s == null ? "" : s);
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("accounts.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(exportButton.getScene().getWindow());
        if (file != null) {
            vm.exportCsv(file.toPath());
        }
    }

    @Override
    public void focusFirst() {
        Node target = switch (vm.modeProperty().get()) {
            case PHONE -> phoneField;
            case EMAIL -> emailField;
            case LOGIN_ID -> loginIdField;
            case IDENTITY_IDS -> idsArea;
        };
        target.requestFocus();
    }

    @Override
    public void refresh() {
        vm.search();
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
