package dev.accountconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.account.Account;
import dev.accountconsole.account.AccountService;
import dev.accountconsole.account.IdentityQuery;
import dev.accountconsole.api.Cancellation;
import dev.accountconsole.api.ClientSettings;
import dev.accountconsole.api.GatewayClient;
import dev.accountconsole.api.Secret;
import dev.accountconsole.config.AppDirs;
import dev.accountconsole.sandbox.DemoData;
import dev.accountconsole.sandbox.SandboxConfig;
import dev.accountconsole.sandbox.SandboxServer;
import dev.accountconsole.ui.common.FxTaskExecutor;
import dev.accountconsole.ui.common.FieldValidation;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.controlsfx.validation.ValidationMessage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real console window on a real sandbox: an ephemeral loopback port, a temporary home folder,
 * demo accounts. Tests drive the views through the robot and wait on conditions, never on sleeps.
 */
final class ConsoleFixture implements AutoCloseable {
    static final String APP_KEY = "20260001";
    static final String APP_SECRET = "console-test-secret-0123456789abcdef";
    static final String IOT_TOKEN = "0123456789abcdef0123456789abcdef";
    static final int DEMO = 60;

    final SandboxServer server;
    final ConsoleSession session;
    final MainWindow window;

    private ConsoleFixture(SandboxServer server, ConsoleSession session, MainWindow window) {
        this.server = server;
        this.session = session;
        this.window = window;
    }

    /** Starts everything; call from {@code @Start} (the FX thread). */
    static ConsoleFixture start(Stage stage, Path home, Locale locale, String secretTheConsoleUses, boolean withToken)
            throws Exception {
        SandboxServer server = SandboxServer.start(SandboxConfig.builder(home.resolve("sandbox"))
                .key(APP_KEY, APP_SECRET).iotToken(Secret.of(IOT_TOKEN)).demoCount(DEMO).build());
        AppDirs dirs = AppDirs.under(home.resolve("console"));
        new UiPreferences(locale.toLanguageTag(), "tester", null).save(dirs.config());
        return open(stage, server, dirs, secretTheConsoleUses, withToken);
    }

    private static ConsoleFixture open(Stage stage, SandboxServer server, AppDirs dirs, String secretTheConsoleUses,
                                       boolean withToken) {
        SandboxConnection.Starter starter = () -> new SandboxConnection(server.baseUri(), APP_KEY,
                Secret.of(secretTheConsoleUses), withToken ? Secret.of(IOT_TOKEN) : null, () -> { });
        ConsoleSession session = new ConsoleSession(dirs, new FxTaskExecutor(), starter);
        MainWindow window = new MainWindow(stage, session);
        stage.setWidth(1200);
        stage.setHeight(800);
        window.show();
        session.connect();
        return new ConsoleFixture(server, session, window);
    }

    /**
     * What quitting and starting the console again does, on the same home folder and sandbox: the
     * window closes, the session ends, and a new session and window start from what is on disk.
     * The old console must already be closed ({@link #closeWindow}).
     */
    ConsoleFixture reopen(FxRobot robot) {
        ConsoleFixture[] next = new ConsoleFixture[1];
        robot.interact(() -> next[0] = open(new Stage(), server, session.dirs(), APP_SECRET, true));
        return next[0];
    }

    /** Closes the window and ends the session, leaving the sandbox running. */
    void closeWindow(FxRobot robot) {
        robot.interact(() -> window.stage().hide());
        session.close();
    }

    static ConsoleFixture start(Stage stage, Path home) throws Exception {
        return start(stage, home, Locale.ENGLISH, APP_SECRET, true);
    }

    void awaitReady() throws Exception {
        await(() -> session.connectionStateProperty().get() == ConnectionState.READY);
    }

    /** A client of its own, to set up and check state behind the console's back. */
    AccountService directService() {
        return new AccountService(new GatewayClient(new ClientSettings(server.baseUri(), APP_KEY, Secret.of(APP_SECRET))
                .withIotToken(Secret.of(IOT_TOKEN))));
    }

    Account demoAccount(int i) throws Exception {
        return directService().queryIdentity(new IdentityQuery.ByPhone(DemoData.phone(i)), Cancellation.none()).value();
    }

    static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T extends Node> T node(FxRobot robot, String id) {
        T found = robot.lookup(id).query();
        assertThat(found).as(id).isNotNull();
        return found;
    }

    static String text(FxRobot robot, String id) {
        Node n = node(robot, id);
        if (n instanceof Labeled l) {
            return l.getText();
        }
        return ((TextInputControl) n).getText();
    }

    /** Sets a field as if typed, on the FX thread (faster and layout-independent compared to key events). */
    static void fill(FxRobot robot, String id, String value) {
        TextInputControl field = node(robot, id);
        robot.interact(() -> field.setText(value));
    }

    /** The errors ControlsFX's validation holds for one field. */
    static List<ValidationMessage> validationErrors(FxRobot robot, Control field) {
        AtomicReference<List<ValidationMessage>> found = new AtomicReference<>();
        robot.interact(() -> {
            FieldValidation validation = FieldValidation.of(field);
            found.set(validation == null || validation.result() == null ? List.of()
                    : validation.result().getErrors().stream().filter(m -> m.getTarget() == field)
                            .collect(Collectors.toList()));
        });
        return found.get();
    }

    /** ControlsFX's error mark on a field, or null while it has none. */
    static Node decoration(FxRobot robot, Control field) {
        AtomicReference<Node> mark = new AtomicReference<>();
        robot.interact(() -> mark.set(field.lookup("." + FieldValidation.DECORATION_STYLE_CLASS)));
        return mark.get();
    }

    @Override
    public void close() {
        session.close();
        server.close();
    }
}
