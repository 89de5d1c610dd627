package dev.accountconsole.sandbox;

import java.util.Objects;

/** The running sandbox's fault settings, changeable at run time (by tests in the same JVM). */
public final class Faults {
    private volatile FaultSettings current;

    Faults(FaultSettings initial) {
        this.current = Objects.requireNonNull(initial);
    }

    public FaultSettings get() {
        return current;
    }

    /** Applies to requests that arrive from now on. */
    public void set(FaultSettings settings) {
        current = Objects.requireNonNull(settings);
    }

    public void clear() {
        current = FaultSettings.NONE;
    }
}
