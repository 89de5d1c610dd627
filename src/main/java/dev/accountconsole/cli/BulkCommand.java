package dev.accountconsole.cli;

import dev.accountconsole.account.AccountService;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A command that works through many values, from its arguments or {@code --input}: each value is
 * attempted, results print in input order as they complete, and the worst status is the exit status.
 */
abstract class BulkCommand extends ApiCommand {
    @Mixin
    BulkOptions bulk = new BulkOptions();

    BulkCommand(CliContext ctx) {
        super(ctx);
    }

    /** The positional values; empty when they come from {@code --input}. */
    abstract List<String> arguments();

    /** One task per printed unit, pulled lazily from the values. */
    abstract Iterator<Callable<Outcome>> tasks(Iterator<String> values, AccountService service);

    @Override
    void checkUsage() throws UsageException {
        bulk.check(arguments());
    }

    @Override
    final int execute(AccountService service) throws Exception {
        try (InputLines lines = bulk.openInput(ctx)) {
            Iterator<String> values = whileOutputOpen(lines != null ? lines : arguments().iterator());
            int status = new OrderedRunner(bulk.concurrency).run(tasks(values, service), ctx::emit, ctx::flush);
            IOException failure = lines == null ? null : lines.failure();
            if (failure != null) {
                ctx.printError(ctx.text("cli.failure.inputRead", name(), bulk.input, failure.getClass().getSimpleName()));
                status = ExitStatus.worst(status, ExitStatus.USAGE);
            }
            if (ctx.outputClosed()) {
                ctx.printError(ctx.text("cli.failure.outputClosed", name()));
                status = ExitStatus.worst(status, ExitStatus.USAGE);
            }
            return status;
        } finally {
            ctx.flush();
        }
    }

    /**
     * Stops taking values once stdout is gone ({@code ... | head}): calls whose results no one can
     * read would only load the gateway, and writes among them would still take effect.
     */
    private Iterator<String> whileOutputOpen(Iterator<String> values) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !ctx.outputClosed() && values.hasNext();
            }

            @Override
            public String next() {
                return values.next();
            }
        };
    }

    /** One call per value, named after the value on failure. */
    Iterator<Callable<Outcome>> eachValue(Iterator<String> values, ValueCall call) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return values.hasNext();
            }

            @Override
            public Callable<Outcome> next() {
                String value = values.next();
                return () -> attempt(() -> subject(value), () -> call.call(value));
            }
        };
    }

    /** The call for one value, yielding the JSON line to print. */
    interface ValueCall {
        byte[] call(String value) throws Exception;
    }
}
