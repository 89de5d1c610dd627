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
    private final Button ticket = new Button();
    private String requestIdPattern = "{0}";
    private Runnable onRetry = () -> { };
    private Runnable onCopyTicket;

    public ProblemBanner() {
        getStyleClass().addAll("banner", "banner-error");
        setAlignment(Pos.CENTER_LEFT);
        message.setWrapText(true);
        message.setId("problemMessage");
        requestId.setId("problemRequestId");
        requestId.getStyleClass().add("mono");
        copy.setId("problemCopy");
        retry.setId("problemRetry");
        ticket.setId("problemTicket");
        VBox text = new VBox(4, message, requestId);
        HBox.setHgrow(text, Priority.ALWAYS);
        getChildren().addAll(text, copy, ticket, retry);
        copy.setOnAction(e -> Clipboards.copy((String) copy.getUserData()));
        retry.setOnAction(e -> onRetry.run());
        ticket.setOnAction(e -> {
            if (onCopyTicket != null) {
                onCopyTicket.run();
            }
        });
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
        // A ticket quotes a call; a failure that sent nothing has no request to quote.
        boolean ticketable = hasId && onCopyTicket != null;
        ticket.setVisible(ticketable);
        ticket.setManaged(ticketable);
        retry.setVisible(problem.retryable());
        retry.setManaged(problem.retryable());
    }

    public void setOnRetry(Runnable action) {
        onRetry = action;
    }

    public void setOnCopyTicket(Runnable action) {
        onCopyTicket = action;
    }

    // Texts, set from FXML with %keys

    public String getTicketText() {
        return ticket.getText();
    }

    public void setTicketText(String text) {
        ticket.setText(text);
        ticket.setAccessibleText(text);
    }

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
