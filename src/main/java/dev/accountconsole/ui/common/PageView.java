package dev.accountconsole.ui.common;

/** What the main window asks of the page in front: its keyboard commands. */
public interface PageView {
    /** Puts the cursor where the operator starts typing (Ctrl+F, Ctrl+N, navigation). */
    void focusFirst();

    /** Ctrl+R. */
    default void refresh() {
    }

    /** Esc: stops the page's running call, if any. */
    default void cancel() {
    }

    /** Ctrl+Shift+C: the page's last call as ticket text, or null when it has none to describe. */
    default String ticketText() {
        return null;
    }
}
