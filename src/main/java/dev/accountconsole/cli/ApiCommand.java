package dev.accountconsole.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.accountconsole.account.AccountService;
import dev.accountconsole.account.Result;
import dev.accountconsole.api.ClientSettings;
import dev.accountconsole.api.GatewayClient;
import dev.accountconsole.api.Json;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that calls the gateway: checks its own usage first, so that bad usage exits 1 before
 * any key is looked up or byte sent, then builds the service from the connection options.
 */
abstract class ApiCommand implements Callable<Integer> {
    final CliContext ctx;
    final Failures failures;

    @Mixin
    ConnectionOptions connection = new ConnectionOptions();

    @Spec
    CommandSpec spec;

    ApiCommand(CliContext ctx) {
        this.ctx = ctx;
        this.failures = new Failures(ctx.locale());
    }

    @Override
    public final Integer call() throws Exception {
        checkUsage();
        ClientSettings settings = connection.settings(ctx);
        return execute(new AccountService(new GatewayClient(settings)));
    }

    /** Refuses bad usage that picocli's parser cannot see (option combinations, a missing {@code --yes}). */
    void checkUsage() throws UsageException {
    }

    abstract int execute(AccountService service) throws Exception;

    String name() {
        return spec.name();
    }

    /** Names the failed item on its stderr line: {@code freeze 505fop...}. */
    String subject(String item) {
        return item == null ? name() : name() + " " + item;
    }

    /**
     * The response {@code data} as it came, not the typed model re-encoded: fields this version does
     * not model survive, and the bytes equal any other client's. No data at all prints as {@code null}
     * so that every success is still one line.
     */
    static byte[] data(Result<?> result) {
        return result.data().isMissingNode() ? NULL : json(result.data());
    }

    /** One JSON line's bytes, UTF-8: written by the worker that made it, copied as they are to stdout. */
    static byte[] json(Object value) {
        try {
            return Json.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a model could not be written as JSON", e);
        }
    }

    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    /** A call that yields the JSON line to print. */
    interface JsonCall {
        byte[] call() throws Exception;
    }

    /**
     * Runs one call and maps any failure to its stderr line; never throws, so bulk runs go on. The
     * subject is only worked out for a failure: a bulk run of successes never needs it.
     */
    Outcome attempt(Supplier<String> subject, JsonCall call) {
        try {
            return Outcome.success(call.call());
        } catch (Exception e) {
            return failures.of(subject.get(), e);
        }
    }

    /** Prints a single call's outcome and returns its status. */
    int print(Outcome outcome) {
        ctx.emit(outcome);
        ctx.flush();
        return outcome.status();
    }
}
