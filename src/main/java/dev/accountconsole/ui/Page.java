package dev.accountconsole.ui;

/** The main window's pages. Account detail has no navigation button of its own: it opens from a search. */
public enum Page {
    SEARCH, ACCOUNT, REGISTER, BULK, ACTIVITY, SETTINGS
}
