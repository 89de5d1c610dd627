package dev.accountconsole.ui.common;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Every dialog of the console: owned by the main window (so it stays on top of it and centred), with
 * buttons named after what they do ("Freeze account"), never a bare "OK".
 */
public final class DialogService {
    private final Supplier<Window> owner;

    public DialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    /** Asks before an action; true only when the operator pressed the action button. */
    public boolean confirm(String title, String header, String content, String actionLabel, String cancelLabel) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, header, content);
        ButtonType action = new ButtonType(actionLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(cancelLabel, ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(action, cancel);
        // A destructive default would let a stray Enter freeze an account.
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(action)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        alert.getDialogPane().lookupButton(action).setId("dialogAction");
        return alert.showAndWait().filter(action::equals).isPresent();
    }

    /**
     * A strong confirmation: the action button stays disabled until the operator types one of the
     * accepted answers exactly. {@code details} (the account's state, what the action does), when
     * not null, is shown above the prompt.
     */
    public boolean confirmByTyping(String title, String header, String details, String prompt, String actionLabel,
                                   String cancelLabel, java.util.List<String> accepted) {
        Alert alert = alert(Alert.AlertType.WARNING, title, header, null);
        TextField answer = new TextField();
        answer.setId("confirmText");
        Label label = new Label(prompt);
        label.setWrapText(true);
        label.setLabelFor(answer);
        VBox content = new VBox(8, label, answer);
        if (details != null) {
            Label detailsLabel = new Label(details);
            detailsLabel.setId("confirmDetails");
            detailsLabel.setWrapText(true);
            content.getChildren().add(0, detailsLabel);
        }
        alert.getDialogPane().setContent(content);
        ButtonType action = new ButtonType(actionLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(cancelLabel, ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(action, cancel);
        var actionButton = alert.getDialogPane().lookupButton(action);
        actionButton.setId("dialogAction");
        actionButton.getStyleClass().add("danger");
        actionButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !matches(answer.getText(), accepted), answer.textProperty()));
        alert.setOnShown(e -> answer.requestFocus());
        Optional<ButtonType> result = alert.showAndWait();
        return result.filter(action::equals).isPresent() && matches(answer.getText(), accepted);
    }

    /** Asks why; empty when the operator cancelled. The action stays disabled until a reason is typed. */
    public Optional<String> askReason(String title, String header, String prompt, String actionLabel,
                                      String cancelLabel) {
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, header, null);
        TextField reason = new TextField();
        reason.setId("reasonText");
        Label label = new Label(prompt);
        label.setWrapText(true);
        label.setLabelFor(reason);
        alert.getDialogPane().setContent(new VBox(8, label, reason));
        ButtonType action = new ButtonType(actionLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(cancelLabel, ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(action, cancel);
        var actionButton = alert.getDialogPane().lookupButton(action);
        actionButton.setId("dialogAction");
        actionButton.disableProperty().bind(reason.textProperty().isEmpty()
                .or(javafx.beans.binding.Bindings.createBooleanBinding(() -> reason.getText().isBlank(),
                        reason.textProperty())));
        alert.setOnShown(e -> reason.requestFocus());
        return alert.showAndWait().filter(action::equals).map(b -> reason.getText().strip())
                .filter(r -> !r.isEmpty());
    }

    public void inform(String title, String content) {
        Alert alert = alert(Alert.AlertType.INFORMATION, title, null, content);
        alert.showAndWait();
    }

    private static boolean matches(String typed, java.util.List<String> accepted) {
        if (typed == null) {
            return false;
        }
        String t = typed.strip();
        for (String a : accepted) {
            if (a != null && !a.isEmpty() && a.equals(t)) {
                return true;
            }
        }
        return false;
    }

    private Alert alert(Alert.AlertType type, String title, String header, String content) {
        Alert alert = new Alert(type);
        Window w = owner.get();
        if (w != null) {
            alert.initOwner(w);
            if (w.getScene() != null) {
                alert.getDialogPane().getStylesheets().setAll(w.getScene().getStylesheets());
            }
        }
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.setContentText(content);
        return alert;
    }
}
