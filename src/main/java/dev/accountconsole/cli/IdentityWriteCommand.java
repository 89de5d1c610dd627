package dev.accountconsole.cli;

import dev.accountconsole.account.AccountService;
import dev.accountconsole.account.InvalidInputException;
import dev.accountconsole.account.Result;
import dev.accountconsole.api.ApiException;
import dev.accountconsole.api.Cancellation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * freeze, unfreeze and unregister: one call per identityId.
 *
 * <p>Each success prints the response {@code data}, as docs/cli.md says: {@code ""} for freeze and
 * unregister, {@code null} for unfreeze, which sends none. Such a line does not name its id; the
 * stderr line of a failure does, and successes are the input ids less the failed ones, in order.
 */
abstract class IdentityWriteCommand extends BulkCommand {
    @Parameters(paramLabel = "ID", arity = "0..*", descriptionKey = "cli.param.identityIds")
    List<String> identityIds = new ArrayList<>();

    IdentityWriteCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    List<String> arguments() {
        return identityIds;
    }

    abstract Result<Void> write(AccountService service, String identityId) throws InvalidInputException, ApiException;

    @Override
    Iterator<Callable<Outcome>> tasks(Iterator<String> values, AccountService service) {
        return eachValue(values, id -> data(write(service, id)));
    }

    @Command(name = "freeze", mixinStandardHelpOptions = true)
    static final class Freeze extends IdentityWriteCommand {
        Freeze(CliContext ctx) {
            super(ctx);
        }

        @Override
        Result<Void> write(AccountService service, String id) throws InvalidInputException, ApiException {
            return service.freeze(id, Cancellation.none());
        }
    }

    @Command(name = "unfreeze", mixinStandardHelpOptions = true)
    static final class Unfreeze extends IdentityWriteCommand {
        Unfreeze(CliContext ctx) {
            super(ctx);
        }

        @Override
        Result<Void> write(AccountService service, String id) throws InvalidInputException, ApiException {
            return service.unfreeze(id, Cancellation.none());
        }
    }

    @Command(name = "unregister", mixinStandardHelpOptions = true)
    static final class Unregister extends IdentityWriteCommand {
        @Option(names = "--yes", descriptionKey = "cli.option.yes")
        boolean yes;

        Unregister(CliContext ctx) {
            super(ctx);
        }

        @Override
        void checkUsage() throws UsageException {
            if (!yes) {
                throw new UsageException("cli.usage.unregisterNeedsYes");
            }
            super.checkUsage();
        }

        @Override
        Result<Void> write(AccountService service, String id) throws InvalidInputException, ApiException {
            return service.unregister(id, Cancellation.none());
        }
    }
}
