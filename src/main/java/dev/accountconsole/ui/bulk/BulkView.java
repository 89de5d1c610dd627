package dev.accountconsole.ui.bulk;

import dev.accountconsole.bulk.BulkAction;
import dev.accountconsole.bulk.BulkJob;
import dev.accountconsole.bulk.BulkReport;
import dev.accountconsole.bulk.Progress;
import dev.accountconsole.bulk.RowResult;
import dev.accountconsole.bulk.RunState;
import dev.accountconsole.ui.ConsoleSession;
import dev.accountconsole.ui.common.DialogService;
import dev.accountconsole.ui.common.PageView;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Bulk page: binds {@link BulkViewModel}; file choosers and the production confirmation live here. */
public final class BulkView implements PageView {
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final BulkViewModel vm;
    private final ConsoleSession session;
    private final DialogService dialogs;
    private final Window owner;

    @FXML private HBox unfinishedPane;
    @FXML private ComboBox<BulkJob> unfinishedChoice;
    @FXML private Button resumeJobButton;
    @FXML private TextArea pasteArea;
    @FXML private Button loadCsvButton;
    @FXML private Label inputLabel;
    @FXML private ComboBox<BulkAction> actionChoice;
    @FXML private TextField rateField;
    @FXML private Label rateError;
    @FXML private Button dryRunButton;
    @FXML private Button startButton;
    @FXML private Button pauseButton;
    @FXML private Button resumeButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Button exportButton;
    @FXML private Label statusLabel;
    @FXML private TableView<RowResult> rowsTable;
    @FXML private TableColumn<RowResult, String> rowColumn;
    @FXML private TableColumn<RowResult, String> inputColumn;
    @FXML private TableColumn<RowResult, String> identityIdColumn;
    @FXML private TableColumn<RowResult, String> stateColumn;
    @FXML private TableColumn<RowResult, String> outcomeColumn;
    @FXML private TableColumn<RowResult, String> codeColumn;
    @FXML private TableColumn<RowResult, String> requestIdColumn;

    // Registered weakly: a language switch builds new views over the same view model, and the old
    // view must go with its nodes instead of staying reachable from the view model.
    private final ListChangeListener<BulkJob> unfinishedListener = c -> chooseFirstUnfinished();

    public BulkView(BulkViewModel vm, ConsoleSession session, DialogService dialogs, Window owner) {
        this.vm = vm;
        this.session = session;
        this.dialogs = dialogs;
        this.owner = owner;
    }

    @FXML
    private void initialize() {
        unfinishedChoice.setItems(vm.unfinished());
        unfinishedChoice.setConverter(converter(j -> session.text("bulk.view.unfinished.item",
                session.text(j.action().key()), j.createdAt() == null ? "" : CREATED.format(j.createdAt()),
                j.progress().pending() + j.progress().unknown(), j.profile())));
        unfinishedPane.visibleProperty().bind(Bindings.isNotEmpty(vm.unfinished()));
        unfinishedPane.managedProperty().bind(unfinishedPane.visibleProperty());
        vm.unfinished().addListener(new WeakListChangeListener<>(unfinishedListener));
        if (!vm.unfinished().isEmpty()) {
            unfinishedChoice.setValue(vm.unfinished().get(0));
        }
        resumeJobButton.disableProperty().bind(unfinishedChoice.valueProperty().isNull()
                .or(vm.runningBinding()).or(vm.busyProperty()));
        resumeJobButton.setOnAction(e -> {
            vm.openJob(unfinishedChoice.getValue());
            start();
        });

        pasteArea.textProperty().bindBidirectional(vm.pastedProperty());
        loadCsvButton.setOnAction(e -> loadCsv());
        inputLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.csvNameProperty().get() == null
                ? session.text("bulk.view.inputCount", vm.inputCountProperty().get())
                : session.text("bulk.view.csv", vm.csvNameProperty().get(), vm.inputCountProperty().get()),
                vm.csvNameProperty(), vm.inputCountProperty()));
        actionChoice.getItems().setAll(BulkAction.values());
        actionChoice.setConverter(converter(a -> session.text(a.key())));
        actionChoice.valueProperty().bindBidirectional(vm.actionProperty());
        rateField.textProperty().bindBidirectional(vm.rateProperty());
        rateError.textProperty().bind(vm.rateErrorBinding());
        rateError.visibleProperty().bind(vm.rateErrorBinding().isNotNull());
        rateError.managedProperty().bind(rateError.visibleProperty());
        for (var n : new javafx.scene.Node[] {pasteArea, loadCsvButton, actionChoice, rateField}) {
            n.disableProperty().bind(vm.runningBinding().or(vm.busyProperty()));
        }

        dryRunButton.disableProperty().bind(vm.canRunBinding().not());
        dryRunButton.setOnAction(e -> vm.dryRun());
        startButton.disableProperty().bind(vm.canRunBinding().not());
        startButton.setOnAction(e -> start());
        pauseButton.disableProperty().bind(vm.runStateProperty().isNotEqualTo(RunState.RUNNING));
        pauseButton.setOnAction(e -> vm.pause());
        resumeButton.disableProperty().bind(vm.runStateProperty().isNotEqualTo(RunState.PAUSED));
        resumeButton.setOnAction(e -> vm.resume());
        cancelButton.disableProperty().bind(vm.runningBinding().not().and(vm.busyProperty().not()));
        cancelButton.setOnAction(e -> vm.cancel());
        progressBar.progressProperty().bind(Bindings.createDoubleBinding(() -> vm.progressProperty().get().fraction(),
                vm.progressProperty()));
        progressLabel.textProperty().bind(Bindings.createStringBinding(this::progressText,
                vm.progressProperty(), vm.runStateProperty(), vm.dryRunShownProperty()));
        exportButton.disableProperty().bind(Bindings.isEmpty(vm.rows()));
        exportButton.setOnAction(e -> export());
        statusLabel.textProperty().bind(vm.statusProperty());

        column(rowColumn, r -> String.valueOf(r.number()));
        column(inputColumn, RowResult::input);
        column(identityIdColumn, RowResult::identityId);
        column(stateColumn, r -> session.text(r.state().key()));
        column(outcomeColumn, r -> BulkReport.describe(r, session.locale()));
        column(codeColumn, RowResult::code);
        column(requestIdColumn, RowResult::requestId);
        rowsTable.setItems(vm.rows());
    }

    /** A job list that changed under the chooser: the first job, unless the chosen one is still there. */
    private void chooseFirstUnfinished() {
        if (!vm.unfinished().isEmpty() && !vm.unfinished().contains(unfinishedChoice.getValue())) {
            unfinishedChoice.setValue(vm.unfinished().get(0));
        }
    }

    private String progressText() {
        Progress p = vm.progressProperty().get();
        if (p.total() == 0) {
            return "";
        }
        String counts = session.text("bulk.view.progress", p.done(), p.total(), p.succeeded(), p.failed(),
                p.unknown(), p.skipped());
        RunState s = vm.runStateProperty().get();
        if (s == null) {
            return vm.dryRunShownProperty().get() ? session.text("bulk.view.run.dry") : counts;
        }
        String state = switch (s) {
            case RUNNING -> session.text("bulk.view.run.running");
            case PAUSED -> session.text("bulk.view.run.paused");
            case CANCELLED -> session.text("bulk.view.run.cancelled");
            case COMPLETED -> session.text("bulk.view.run.completed");
            case FAILED -> session.text("bulk.view.run.failed");
        };
        return state + " · " + counts;
    }

    /** A real run on production needs the row count, or the action's word, typed. */
    private void start() {
        if (vm.needsTypedConfirmation()) {
            String count = String.valueOf(vm.rowsToRun());
            String action = session.text(vm.actionProperty().get().key());
            boolean confirmed = dialogs.confirmByTyping(session.text("bulk.view.confirm.title"),
                    session.text("bulk.view.confirm.header", action, vm.rowsToRun(),
                            session.profileProperty().get().name()),
                    null,
                    session.text("bulk.view.confirm.prompt", count, vm.confirmationWord()),
                    session.text("bulk.view.confirm.action"), session.text("common.cancel"),
                    java.util.List.of(count, vm.confirmationWord()));
            if (!confirmed) {
                return;
            }
        }
        vm.start();
    }

    private void loadCsv() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv", "*.txt"));
        File file = chooser.showOpenDialog(owner);
        if (file != null) {
            vm.loadCsv(file.toPath());
        }
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("bulk-report.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            vm.exportReport(file.toPath());
        }
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static void column(TableColumn<RowResult, String> column, Function<RowResult, String> value) {
        column.setCellValueFactory(c -> {
            String v = value.apply(c.getValue());
            return new ReadOnlyStringWrapper(v == null ? "" : v);
        });
    }

    @Override
    public void focusFirst() {
        pasteArea.requestFocus();
    }

    @Override
    public void cancel() {
        vm.cancel();
    }
}
