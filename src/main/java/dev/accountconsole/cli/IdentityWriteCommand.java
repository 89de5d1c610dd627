package dev.accountconsole.cli;

import dev.accountconsole.account.AccountService;
import dev.accountconsole.account.InvalidInputException;
import dev.accountconsole.api.ApiException;
import dev.accountconsole.api.Cancellation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Parameters;

/**
 * freeze, unfreeze and unregister: one call per identityId.
 *
 * <p>On success each prints the response {@code data} as docs/cli.md says, literally: the service
 * layer returns no value for these writes, so the line is the API's documented data
 * (gateway-protocol.md, section 4): {@code ""}, or {@code null} where the API sends none. A
 * success line therefore does not name its id; a script pairs lines with ids by the input order
 * and the stderr lines, which do name theirs.
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

    /** Makes the call; returns the JSON of the data the API documents for success. */
    abstract String write(AccountService service, String identityId) throws InvalidInputException, ApiException;

    @Override
    Iterator<Callable<Outcome>> tasks(Iterator<String> values, AccountService service) {
        return eachValue(values, id -> write(service, id));
    }

    static final String EMPTY_STRING_DATA = "\"\"";
    static final String ABSENT_DATA = "null";

    @picocli.CommandLine.Command(name = "freeze", mixinStandardHelpOptions = true)
    static final class Freeze extends IdentityWriteCommand {
        Freeze(CliContext ctx) {
            super(ctx);
        }

        @Override
        String write(AccountService service, String id) throws InvalidInputException, ApiException {
            service.freeze(id, Cancellation.none());
            return EMPTY_STRING_DATA;
        }
    }

    @picocli.CommandLine.Command(name = "unfreeze", mixinStandardHelpOptions = true)
    static final class Unfreeze extends IdentityWriteCommand {
        Unfreeze(CliContext ctx) {
            super(ctx);
        }

        @Override
        String write(AccountService service, String id) throws InvalidInputException, ApiException {
            service.unfreeze(id, Cancellation.none());
            return ABSENT_DATA;
        }
    }

    @picocli.CommandLine.Command(name = "unregister", mixinStandardHelpOptions = true)
    static final class Unregister extends IdentityWriteCommand {
        @picocli.CommandLine.Option(names = "--yes", descriptionKey = "cli.option.yes")
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
        String write(AccountService service, String id) throws InvalidInputException, ApiException {
            service.unregister(id, Cancellation.none());
            return EMPTY_STRING_DATA;
        }
    }
}
