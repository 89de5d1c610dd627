package dev.accountconsole.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether the desktop prefers a dark look, as far as a JavaFX 21 program can find out: the
 * {@code GTK_THEME} variable (e.g. {@code Adwaita:dark}), then GNOME's {@code color-scheme} and
 * {@code gtk-theme} settings through {@code gsettings}. Anything else (Windows, macOS, KDE without
 * GTK settings, no desktop at all) reads as light. Blocking: call it off the JavaFX thread.
 */
public final class SystemTheme {
    private static final long GSETTINGS_TIMEOUT_MILLIS = 1500;

    /** Runs a command and returns its standard output, or null when it fails or takes too long. */
    @FunctionalInterface
    interface Command {
        String run(String... command);
    }

    private SystemTheme() {
    }

    public static boolean prefersDark() {
        return prefersDark(System.getenv(), SystemTheme::run);
    }

    static boolean prefersDark(Map<String, String> env, Command command) {
        Boolean fromEnv = fromThemeName(env.get("GTK_THEME"));
        if (fromEnv != null) {
            return fromEnv;
        }
        String scheme = command.run("gsettings", "get", "org.gnome.desktop.interface", "color-scheme");
        if (scheme != null && scheme.contains("prefer-dark")) {
            return true;
        }
        if (scheme != null && scheme.contains("prefer-light")) {
            return false;
        }
        // Older GNOME, and desktops that only follow the GTK theme, say it in the theme's name.
        Boolean fromGtk = fromThemeName(command.run("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"));
        return Boolean.TRUE.equals(fromGtk);
    }

    /** True for dark theme names ({@code Adwaita:dark}, {@code 'Yaru-dark'}), null when there is none. */
    static Boolean fromThemeName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return name.toLowerCase(Locale.ROOT).contains("dark");
    }

    private static String run(String... command) {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            return null;
        }
        try (InputStream out = p.getInputStream()) {
            if (!p.waitFor(GSETTINGS_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out.readAllBytes(), StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return null;
        }
    }
}
