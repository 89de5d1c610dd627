package dev.accountconsole.ui;

import dev.accountconsole.config.FileSafety;
import dev.accountconsole.i18n.Messages;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * The operator's console settings (language, operator name, active profile, theme) in
 * {@code console.properties}. A properties file rather than JSON because it is read before the
 * first window shows, where every class loaded delays the window.
 *
 * @param language a language tag ({@code en}, {@code zh-CN}); null follows the machine
 * @param operator the name sent as creater/modifier; null means the OS user
 * @param activeProfile the saved profile in use; null for the built-in sandbox
 * @param theme {@code LIGHT}, {@code DARK} or {@code SYSTEM}; null follows the system
 */
public record UiPreferences(String language, String operator, String activeProfile, String theme) {

    public UiPreferences(String language, String operator, String activeProfile) {
        this(language, operator, activeProfile, null);
    }

    public static UiPreferences load(Path configDir) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file(configDir), StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return new UiPreferences(null, null, null, null);
        } catch (IOException | IllegalArgumentException e) {
            System.getLogger(UiPreferences.class.getName())
                    .log(System.Logger.Level.WARNING, "Ignoring unreadable console settings", e);
            return new UiPreferences(null, null, null, null);
        }
        return new UiPreferences(blankToNull(p.getProperty("language")), blankToNull(p.getProperty("operator")),
                blankToNull(p.getProperty("activeProfile")), blankToNull(p.getProperty("theme")));
    }

    public void save(Path configDir) throws IOException {
        Properties p = new Properties();
        putIfSet(p, "language", language);
        putIfSet(p, "operator", operator);
        putIfSet(p, "activeProfile", activeProfile);
        putIfSet(p, "theme", theme);
        StringWriter w = new StringWriter();
        p.store(w, "Account Console settings");
        FileSafety.writeAtomically(file(configDir), w.toString().getBytes(StandardCharsets.UTF_8), true);
    }

    /** The language to show: the one chosen in Settings, else the machine's when supported, else English. */
    public Locale locale() {
        Locale configured = Messages.fromTag(language);
        return configured != null ? configured : Messages.supported(Locale.getDefault());
    }

    public UiPreferences withLanguage(String v) {
        return new UiPreferences(v, operator, activeProfile, theme);
    }

    public UiPreferences withOperator(String v) {
        return new UiPreferences(language, v, activeProfile, theme);
    }

    public UiPreferences withActiveProfile(String v) {
        return new UiPreferences(language, operator, v, theme);
    }

    public UiPreferences withTheme(String v) {
        return new UiPreferences(language, operator, activeProfile, v);
    }

    private static Path file(Path configDir) {
        return configDir.resolve("console.properties");
    }

    private static void putIfSet(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
