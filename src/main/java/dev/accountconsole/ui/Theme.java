package dev.accountconsole.ui;

/**
 * The console's look. JavaFX 21 has no API for the operating system's light or dark preference
 * (that is {@code Platform.Preferences} in JavaFX 22), so {@link #SYSTEM} asks the desktop itself
 * through {@link SystemTheme} and falls back to light when it cannot tell.
 */
public enum Theme {
    LIGHT,
    DARK,
    SYSTEM;

    /** The stylesheet added over {@code app.css} for the dark look; it only redefines named colors. */
    public static final String DARK_STYLESHEET = "/dev/accountconsole/ui/dark.css";

    /** The stored form's reading; an unknown or missing value is {@link #SYSTEM}. */
    public static Theme parse(String stored) {
        if (stored != null) {
            for (Theme t : values()) {
                if (t.name().equalsIgnoreCase(stored.strip())) {
                    return t;
                }
            }
        }
        return SYSTEM;
    }
}
