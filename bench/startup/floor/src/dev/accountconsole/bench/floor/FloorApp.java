package dev.accountconsole.bench.floor;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** An empty window of the console's size. */
public final class FloorApp extends Application {
    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(), 1100, 720);
        stage.setTitle("Account Console floor");
        stage.setScene(scene);
        if (getParameters().getRaw().contains("--smoke-test") || getParameters().getRaw().contains("--startup-only")) {
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    Platform.runLater(Platform::exit);
                }
            });
        }
        stage.show();
    }
}
