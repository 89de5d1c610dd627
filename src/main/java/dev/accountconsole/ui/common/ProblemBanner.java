package dev.accountconsole.ui.common;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The one way a failure is shown in a page: the localized message, the request id to quote with a
 * copy button, and "Try again" when trying again can help. Hidden while there is no problem.
 */
public final class ProblemBanner extends HBox {
    private final Label message = new Label();
    private final Label requestId = new Label();
    private final Button copy = new Button();
    private final Button retry = new Button();
    private String requestIdPattern = "{0}";
    private Runnable onRetry = () -> { };

    public ProblemBanner() {
        getStyleClass().addAll("banner", "banner-error");
        setAlignment(Pos.CENTER_LEFT);
        message.setWrapText(true);
        message.setId("problemMessage");
        requestId.setId("problemRequestId");
        requestId.getStyleClass().add("mono");
        copy.setId("problemCopy");
        retry.setId("problemRetry");
        VBox text = new VBox(4, message, requestId);
        HBox.setHgrow(text, Priority.ALWAYS);
        getChildren().addAll(text, copy, retry);
        copy.setOnAction(e -> Clipboards.copy((String) copy.getUserData()));
        retry.setOnAction(e -> onRetry.run());
        show(null);
    }

    public void show(Problem problem) {
        boolean visible = problem != null;
        setVisible(visible);
        setManaged(visible);
        if (!visible) {
            return;
        }
        message.setText(problem.message());
        boolean hasId = problem.requestId() != null;
        requestId.setText(hasId ? java.text.MessageFormat.format(requestIdPattern, problem.requestId()) : "");
        requestId.setVisible(hasId);
        requestId.setManaged(hasId);
        copy.setUserData(problem.requestId());
        copy.setVisible(hasId);
        copy.setManaged(hasId);
        retry.setVisible(problem.retryable());
        retry.setManaged(problem.retryable());
    }

    public void setOnRetry(Runnable action) {
        onRetry = action;
    }

    // Texts, set from FXML with %keys

    public String getCopyText() {
        return copy.getText();
    }

    public void setCopyText(String text) {
        copy.setText(text);
        copy.setAccessibleText(text);
    }

    public String getRetryText() {
        return retry.getText();
    }

    public void setRetryText(String text) {
        retry.setText(text);
    }

    /** A pattern with {0} for the id, e.g. "Request ID: {0}". */
    public String getRequestIdText() {
        return requestIdPattern;
    }

    public void setRequestIdText(String pattern) {
        requestIdPattern = pattern;
    }
}
