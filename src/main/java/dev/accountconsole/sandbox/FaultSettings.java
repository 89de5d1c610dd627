package dev.accountconsole.sandbox;

/**
 * Faults the sandbox injects, for tests of the console and client: each answer is delayed by
 * {@code latencyMillis}, then a share of them is replaced by 503 {@code Service Unavailable}, and
 * another share by a dropped connection (closed without an answer, the request not applied).
 *
 * @param fail503Share 0 to 1
 * @param dropShare 0 to 1; with {@code fail503Share} at most 1 in all
 */
public record FaultSettings(long latencyMillis, double fail503Share, double dropShare) {
    public static final FaultSettings NONE = new FaultSettings(0, 0, 0);

    public FaultSettings {
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latencyMillis must not be negative");
        }
        if (!(fail503Share >= 0 && fail503Share <= 1) || !(dropShare >= 0 && dropShare <= 1)
                || fail503Share + dropShare > 1) {
            throw new IllegalArgumentException("shares must be between 0 and 1, and together at most 1");
        }
    }

    public boolean isNone() {
        return latencyMillis == 0 && fail503Share == 0 && dropShare == 0;
    }
}
