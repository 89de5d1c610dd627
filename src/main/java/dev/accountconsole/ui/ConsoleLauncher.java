package dev.accountconsole.ui;

import dev.accountconsole.config.AppDirs;
import java.nio.file.Path;
import javafx.application.Application;

/**
 * Opens the console window. Options: {@code --smoke-test} (open on the sandbox, run one search,
 * exit 0, or non-zero with the reason on stderr); {@code --startup-only} (open the window up to
 * its first page and exit 0: the packaging's AOT training run); for the screenshot script,
 * {@code --screenshots DIR}; for the memory benchmark, {@code --memory-probe FILE}.
 */
public final class ConsoleLauncher {
    private static volatile LaunchOptions options = new LaunchOptions(false, false, null, null);
    private static volatile AppDirs dirs;
    private static volatile UiPreferences preferences;

    private ConsoleLauncher() {
    }

    /**
     * What the command line asked for.
     *
     * @param memoryProbeIds identityIds to search once ready ({@code --memory-probe FILE}, benchmarks only)
     */
    public record LaunchOptions(boolean smokeTest, boolean startupOnly, Path screenshotDir, String memoryProbeIds) {
    }

    public static void launch(String[] args) {
        StartupTrace.mark("main");
        boolean smoke = false;
        boolean startupOnly = false;
        Path shots = null;
        String probeIds = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke-test" -> smoke = true;
                case "--startup-only" -> startupOnly = true;
                case "--screenshots" -> {
                    if (i + 1 >= args.length) {
                        usage("--screenshots needs a folder");
                    }
                    shots = Path.of(args[++i]);
                }
                case "--memory-probe" -> {
                    if (i + 1 >= args.length) {
                        usage("--memory-probe needs a file of identity IDs");
                    }
                    probeIds = readIds(Path.of(args[++i]));
                }
                default -> usage("unknown option " + args[i]);
            }
        }
        options = new LaunchOptions(smoke, startupOnly, shots, probeIds);
        dirs = AppDirs.current();
        preferences = UiPreferences.load(dirs.config());
        StartupPrewarm.start(preferences.locale());
        Application.launch(App.class, args);
    }

    /** Read before the toolkit starts: the JavaFX thread never waits on the disk. */
    private static String readIds(Path file) {
        try {
            return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            usage("cannot read " + file);
            return null;
        }
    }

    /** The user's folders, resolved before the toolkit started. */
    static AppDirs dirs() {
        return dirs != null ? dirs : AppDirs.current();
    }

    /** The console settings, read before the toolkit started (or now, when launched another way). */
    static UiPreferences preferences() {
        return preferences != null ? preferences : UiPreferences.load(dirs().config());
    }

    static LaunchOptions options() {
        return options;
    }

    private static void usage(String problem) {
        System.err.println("account-console: " + problem);
        System.err.println("usage: account-console [--smoke-test | --startup-only]");
        System.exit(2);
    }
}
