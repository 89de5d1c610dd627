package dev.accountconsole.ui.activity;

import dev.accountconsole.activity.ActivityEntry;
import dev.accountconsole.activity.ActivityLog;
import dev.accountconsole.ui.common.Clipboards;
import dev.accountconsole.ui.common.PageView;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Activity page: the operator's writes, newest first, filterable, exportable. */
public final class ActivityView implements PageView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private final ActivityViewModel vm;
    private final Window owner;

    @FXML private TextField filterField;
    @FXML private Button exportButton;
    @FXML private Label statusLabel;
    @FXML private Button verifyButton;
    @FXML private Label verifyResult;
    @FXML private TableView<ActivityEntry> table;
    @FXML private TableColumn<ActivityEntry, String> timeColumn;
    @FXML private TableColumn<ActivityEntry, String> operatorColumn;
    @FXML private TableColumn<ActivityEntry, String> profileColumn;
    @FXML private TableColumn<ActivityEntry, String> actionColumn;
    @FXML private TableColumn<ActivityEntry, String> identityIdColumn;
    @FXML private TableColumn<ActivityEntry, String> outcomeColumn;
    @FXML private TableColumn<ActivityEntry, String> requestIdColumn;
    @FXML private TableColumn<ActivityEntry, String> messageColumn;

    // Registered weakly: a language switch builds new views over the same view model, and the old
    // view must go with its nodes instead of staying reachable from the view model.
    private final ChangeListener<ActivityLog.Verification> verificationListener = (obs, o, v) -> showVerification(v);

    public ActivityView(ActivityViewModel vm, Window owner) {
        this.vm = vm;
        this.owner = owner;
    }

    @FXML
    private void initialize() {
        filterField.textProperty().bindBidirectional(vm.filterProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        column(timeColumn, e -> e.time() == null ? "" : TIME.format(e.time()));
        column(operatorColumn, ActivityEntry::operator);
        column(profileColumn, ActivityEntry::profile);
        column(actionColumn, ActivityEntry::action);
        column(identityIdColumn, ActivityEntry::identityId);
        column(outcomeColumn, ActivityEntry::outcomeCode);
        column(requestIdColumn, ActivityEntry::requestId);
        column(messageColumn, ActivityEntry::message);
        // The table sorts a list of its own over the view model's: the table's comparator reaches the
        // table, and the view model, which outlives this view (a language switch), must not hold it.
        SortedList<ActivityEntry> sorted = new SortedList<>(vm.entries());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        timeColumn.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().add(timeColumn);
        table.setOnKeyPressed(e -> {
            ActivityEntry selected = table.getSelectionModel().getSelectedItem();
            if (selected != null && COPY.match(e)) {
                Clipboards.copy(selected.requestId());
                e.consume();
            }
        });
        exportButton.setOnAction(e -> export());
        verifyButton.setOnAction(e -> vm.verify());
        vm.verificationProperty().addListener(new WeakChangeListener<>(verificationListener));
        showVerification(vm.verificationProperty().get());
        vm.load();
    }

    private static void column(TableColumn<ActivityEntry, String> column, Function<ActivityEntry, String> value) {
        column.setCellValueFactory(c -> {
            String v = value.apply(c.getValue());
            return new ReadOnlyStringWrapper(v == null ? "" : v);
        });
    }

    private void showVerification(ActivityLog.Verification v) {
        verifyResult.setText(vm.verificationText());
        verifyResult.getStyleClass().removeAll("verify-intact", "verify-broken");
        if (v != null) {
            verifyResult.getStyleClass().add(v.intact() ? "verify-intact" : "verify-broken");
        }
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("activity.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            vm.exportCsv(file.toPath());
        }
    }

    @Override
    public void focusFirst() {
        filterField.requestFocus();
    }
}
