package dev.accountconsole.ui.search;

/** The four ways to find accounts; each has a bundle key {@code search.mode.<name>}. */
public enum SearchMode {
    PHONE, EMAIL, LOGIN_ID, IDENTITY_IDS;

    public String key() {
        return "search.mode." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
