package dev.accountconsole.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where per-user files live, in each operating system's usual place: XDG directories on Linux,
 * {@code %APPDATA%} on Windows, {@code ~/Library/Application Support} on macOS.
 *
 * <p>{@code ACCOUNT_CONSOLE_HOME} (environment) or {@code accountconsole.home} (system property)
 * puts everything under one folder instead: tests, portable installs and second instances use it.
 */
public record AppDirs(Path config, Path data, Path logs) {
    public static final String APP_DIR_NAME = "account-console";
    public static final String HOME_PROPERTY = "accountconsole.home";
    public static final String HOME_ENV = "ACCOUNT_CONSOLE_HOME";

    /** The directories for this user on this machine. */
    public static AppDirs current() {
        return resolve(System.getProperty(HOME_PROPERTY), System.getenv(), System.getProperty("os.name"),
                System.getProperty("user.home"));
    }

    /** One folder for everything (tests, portable use). */
    public static AppDirs under(Path home) {
        return new AppDirs(home.resolve("config"), home.resolve("data"), home.resolve("logs"));
    }

    static AppDirs resolve(String homeProperty, Map<String, String> env, String osName, String userHome) {
        if (homeProperty != null && !homeProperty.isBlank()) {
            return under(Path.of(homeProperty));
        }
        String homeEnv = env.get(HOME_ENV);
        if (homeEnv != null && !homeEnv.isBlank()) {
            return under(Path.of(homeEnv));
        }
        Path home = Path.of(userHome);
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path appData = pathOr(env.get("APPDATA"), home.resolve("AppData").resolve("Roaming"));
            Path localAppData = pathOr(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local"));
            Path base = appData.resolve("AccountConsole");
            return new AppDirs(base, base, localAppData.resolve("AccountConsole").resolve("logs"));
        }
        if (os.startsWith("mac")) {
            Path base = home.resolve("Library").resolve("Application Support").resolve("Account Console");
            return new AppDirs(base, base, home.resolve("Library").resolve("Logs").resolve("Account Console"));
        }
        Path config = pathOr(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve(APP_DIR_NAME);
        Path data = pathOr(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share")).resolve(APP_DIR_NAME);
        Path state = pathOr(env.get("XDG_STATE_HOME"), home.resolve(".local").resolve("state")).resolve(APP_DIR_NAME);
        return new AppDirs(config, data, state.resolve("logs"));
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }

    /** The embedded sandbox's database folder. */
    public Path sandboxData() {
        return data.resolve("sandbox");
    }
}
