package dev.accountconsole.ui;

import dev.accountconsole.bulk.BulkAction;
import dev.accountconsole.i18n.Messages;
import dev.accountconsole.sandbox.DemoData;
import dev.accountconsole.ui.search.SearchMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;

/**
 * {@code --screenshots DIR}: walks every page in English and in Chinese with demo data and writes
 * one PNG of the window per page ({@code search-en.png}, {@code account-zh.png}...), and some in the
 * dark theme ({@code bulk-dark-zh.png}), then exits.
 * Used by {@code scripts/screenshots.sh} under Xvfb.
 */
final class ScreenshotTour {
    private static final Duration SETTLE = Duration.millis(1500);

    private final MainWindow window;
    private final Path dir;
    private final Deque<Runnable> steps = new ArrayDeque<>();

    ScreenshotTour(MainWindow window, Path dir) {
        this.window = window;
        this.dir = dir;
    }

    void start() {
        window.stage().setWidth(1200);
        window.stage().setHeight(760);
        window.session().connectionStateProperty().addListener((obs, o, s) -> {
            if (s == ConnectionState.READY && steps.isEmpty()) {
                plan();
                next();
            }
        });
    }

    private void plan() {
        // The launch's first frame, the outline that the frame replaces (MainWindow.showFrameFirst).
        steps.add(() -> write("first-frame-en",
                MainWindow.outlineScene(Messages.get(Locale.ENGLISH, "app.title"), false).snapshot(null)));
        steps.add(() -> write("first-frame-dark-zh",
                MainWindow.outlineScene(Messages.get(Messages.CHINESE, "app.title"), true).snapshot(null)));
        steps.add(() -> window.session().themeProperty().set(Theme.LIGHT));
        for (Locale locale : new Locale[] {Locale.ENGLISH, Messages.CHINESE}) {
            String tag = locale.getLanguage();
            Workspace w = window.workspace();
            steps.add(() -> {
                window.session().localeProperty().set(locale);
                w.pageProperty().set(Page.SEARCH);
                w.search().modeProperty().set(SearchMode.IDENTITY_IDS);
                w.search().identityIdsProperty().set("");
                w.search().modeProperty().set(SearchMode.PHONE);
                w.lookup().textProperty().set("+86 " + DemoData.phone(3));
                w.lookup().submit();
            });
            steps.add(() -> shoot("search-" + tag));
            steps.add(() -> {
                if (!w.search().results().isEmpty()) {
                    w.openAccount(w.search().results().get(0).identityId());
                }
            });
            steps.add(() -> shoot("account-" + tag));
            steps.add(() -> w.account().freeze());
            steps.add(() -> w.account().unfreeze());
            steps.add(() -> w.account().startEdit());
            steps.add(() -> shoot("account-edit-" + tag));
            steps.add(() -> {
                w.account().cancelEdit();
                w.pageProperty().set(Page.REGISTER);
                w.register().field("phone").set("12345");
                w.register().field("email").set("support@");
            });
            steps.add(() -> shoot("register-" + tag));
            steps.add(() -> {
                w.register().clear();
                w.pageProperty().set(Page.BULK);
                w.bulk().pastedProperty().set(String.join("\n", DemoData.phone(4), DemoData.phone(5),
                        DemoData.phone(6), "13900000000", DemoData.phone(4)));
                w.bulk().actionProperty().set(BulkAction.FREEZE);
                w.bulk().rateProperty().set("20");
                w.bulk().dryRun();
            });
            steps.add(() -> shoot("bulk-" + tag));
            steps.add(() -> window.session().themeProperty().set(Theme.DARK));
            steps.add(() -> shoot("bulk-dark-" + tag));
            steps.add(() -> w.pageProperty().set(Page.SEARCH));
            steps.add(() -> shoot("search-dark-" + tag));
            steps.add(() -> w.pageProperty().set(Page.SETTINGS));
            steps.add(() -> shoot("settings-dark-" + tag));
            steps.add(() -> w.pageProperty().set(Page.ACCOUNT));
            steps.add(() -> shoot("account-dark-" + tag));
            steps.add(() -> {
                w.pageProperty().set(Page.ACTIVITY);
                w.activity().verify();
            });
            steps.add(() -> shoot("activity-dark-" + tag));
            steps.add(() -> window.session().themeProperty().set(Theme.LIGHT));
            steps.add(() -> shoot("activity-" + tag));
            steps.add(() -> w.pageProperty().set(Page.SETTINGS));
            steps.add(() -> shoot("settings-" + tag));
        }
        steps.add(() -> {
            window.session().localeProperty().set(Locale.ENGLISH);
            window.session().close();
            Platform.exit();
        });
    }

    private void next() {
        Runnable step = steps.poll();
        if (step == null) {
            return;
        }
        step.run();
        PauseTransition pause = new PauseTransition(SETTLE);
        pause.setOnFinished(e -> next());
        pause.play();
    }

    private void shoot(String name) {
        write(name, window.stage().getScene().snapshot(null));
    }

    private void write(String name, WritableImage image) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), png(image));
            System.out.println("wrote " + dir.resolve(name + ".png"));
        } catch (IOException e) {
            System.err.println("screenshot " + name + " failed: " + e.getMessage());
        }
    }

    /** A minimal PNG encoder (8-bit RGBA, no filtering): the console ships without AWT/Swing glue. */
    static byte[] png(WritableImage image) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        PixelReader reader = image.getPixelReader();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(raw)) {
            byte[] row = new byte[1 + w * 4];
            for (int y = 0; y < h; y++) {
                row[0] = 0;
                for (int x = 0; x < w; x++) {
                    int argb = reader.getArgb(x, y);
                    int i = 1 + x * 4;
                    row[i] = (byte) (argb >> 16);
                    row[i + 1] = (byte) (argb >> 8);
                    row[i + 2] = (byte) argb;
                    row[i + 3] = (byte) (argb >>> 24);
                }
                z.write(row);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 6)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "IDAT", raw.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
