package dev.accountconsole.ui;

/** What the status bar says about the active profile's connection. */
public enum ConnectionState {
    /** The embedded sandbox or the profile's settings are still being prepared. */
    STARTING,
    READY,
    FAILED
}
