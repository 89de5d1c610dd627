package dev.accountconsole.api;

import java.util.Objects;

/**
 * A secret value (AppSecret, iotToken) that never shows itself: {@link #toString()} is redacted, so
 * a secret that slips into a log line or an exception message stays hidden.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** Null for null or empty input, so that "no secret" has one representation. */
    public static Secret ofNullable(String value) {
        return value == null || value.isEmpty() ? null : new Secret(value);
    }

    /** The secret itself: call only where it is used (signing, encrypted storage), never to display. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "***";
    }
}
