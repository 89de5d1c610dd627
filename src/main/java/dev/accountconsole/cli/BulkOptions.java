package dev.accountconsole.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** {@code --input FILE} and {@code --concurrency N}, for the commands that take many values. */
public final class BulkOptions {
    /** The shared OkHttp client keeps at most 64 pooled connections; more workers would only queue. */
    static final int MAX_CONCURRENCY = 64;

    @Option(names = "--input", paramLabel = "FILE", descriptionKey = "cli.option.input")
    String input;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", descriptionKey = "cli.option.concurrency")
    int concurrency;

    void check(List<String> arguments) throws UsageException {
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new UsageException("cli.usage.concurrency", String.valueOf(MAX_CONCURRENCY));
        }
        if (input != null && !arguments.isEmpty()) {
            throw new UsageException("cli.usage.inputAndArgs");
        }
        if (input == null && arguments.isEmpty()) {
            throw new UsageException("cli.usage.noItems");
        }
    }

    /** The lines of {@code --input}, read lazily; null when the values are the arguments. */
    InputLines openInput(CliContext ctx) throws UsageException {
        return input == null ? null : InputLines.open(input, ctx.in());
    }
}
