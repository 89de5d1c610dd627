package dev.accountconsole.sandbox;

import dev.accountconsole.api.ApiOperation;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Faults the sandbox injects, for tests of the console and client: each answer is delayed by
 * {@code latencyMillis}, then a share of them is replaced by 503 {@code Service Unavailable}, and
 * another share by a dropped connection (closed without an answer, the request not applied).
 *
 * <p>{@code paths} limits the faults to those API paths, so that a test can lose every freeze while
 * the re-read that settles it still gets through; empty means every request.
 *
 * @param fail503Share 0 to 1
 * @param dropShare 0 to 1; with {@code fail503Share} at most 1 in all
 * @param paths API paths of gateway-protocol.md, section 4 ({@code /user/account/freeze}); empty for all
 */
public record FaultSettings(long latencyMillis, double fail503Share, double dropShare, Set<String> paths) {
    public static final FaultSettings NONE = new FaultSettings(0, 0, 0);

    public FaultSettings {
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latencyMillis must not be negative");
        }
        if (!(fail503Share >= 0 && fail503Share <= 1) || !(dropShare >= 0 && dropShare <= 1)
                || fail503Share + dropShare > 1) {
            throw new IllegalArgumentException("shares must be between 0 and 1, and together at most 1");
        }
        paths = Set.copyOf(paths);
        for (String path : paths) {
            if (ApiOperation.forPath(path) == null) {
                throw new IllegalArgumentException("not an API path: " + path);
            }
        }
    }

    /** Faults on every request. */
    public FaultSettings(long latencyMillis, double fail503Share, double dropShare) {
        this(latencyMillis, fail503Share, dropShare, Set.of());
    }

    /** The same faults, on these operations' requests only. */
    public FaultSettings onlyFor(ApiOperation... operations) {
        return new FaultSettings(latencyMillis, fail503Share, dropShare,
                Arrays.stream(operations).map(ApiOperation::path).collect(Collectors.toSet()));
    }

    public boolean isNone() {
        return latencyMillis == 0 && fail503Share == 0 && dropShare == 0;
    }

    /** Whether a request to this path gets the faults. */
    public boolean appliesTo(String path) {
        return paths.isEmpty() || paths.contains(path);
    }
}
