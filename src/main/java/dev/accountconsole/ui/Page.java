package dev.accountconsole.ui;

/** The main window's pages; each has a bundle key {@code nav.<name>}. */
public enum Page {
    SEARCH, ACCOUNT, REGISTER, ACTIVITY, SETTINGS;

    public String key() {
        return "nav." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
