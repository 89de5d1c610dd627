package dev.accountconsole.cli;

import dev.accountconsole.account.AccountService;
import dev.accountconsole.api.Cancellation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** querybyphone, one call per phone number. */
@Command(name = "query-by-phone", mixinStandardHelpOptions = true)
final class QueryByPhoneCommand extends BulkCommand {
    @Parameters(paramLabel = "P", arity = "0..*", descriptionKey = "cli.param.phones")
    List<String> phones = new ArrayList<>();

    QueryByPhoneCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    List<String> arguments() {
        return phones;
    }

    @Override
    Iterator<Callable<Outcome>> tasks(Iterator<String> values, AccountService service) {
        return eachValue(values, phone -> data(service.queryByPhoneData(phone, Cancellation.none())));
    }
}
