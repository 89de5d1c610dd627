package dev.accountconsole.ui;

import dev.accountconsole.i18n.Messages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javafx.fxml.FXMLLoader;

/**
 * Work done on the second core while the JavaFX toolkit starts, a time in which the launching
 * thread has nothing to do but wait: the operator's message bundle is read and parsed, and
 * FXMLLoader with the XML parser behind it is initialised, on a document that makes no nodes
 * (controls need the toolkit). The outline and the frame loader then find both ready. Nothing here
 * is needed for correctness: a failure is logged and the console does the same work itself.
 */
final class StartupPrewarm {
    private static final byte[] NO_NODES = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><?import java.lang.String?>"
            + "<String xmlns:fx=\"http://javafx.com/fxml/1\" fx:value=\"warm\"/>").getBytes(StandardCharsets.UTF_8);

    private StartupPrewarm() {
    }

    static void start(Locale locale) {
        Thread thread = new Thread(() -> {
            try {
                Messages.bundle(locale);
                new FXMLLoader().load(new ByteArrayInputStream(NO_NODES));
            } catch (IOException | RuntimeException | LinkageError e) {
                System.getLogger(StartupPrewarm.class.getName()).log(System.Logger.Level.DEBUG, "Start-up prewarm skipped", e);
            }
        }, "startup-prewarm");
        thread.setDaemon(true);
        thread.start();
    }
}
