package dev.accountconsole.cli;

import dev.accountconsole.account.AccountService;
import dev.accountconsole.account.IdentityQuery;
import dev.accountconsole.api.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** identity/query by phone (opType 2), email (3) or loginId and loginSource (1). */
@Command(name = "query", mixinStandardHelpOptions = true)
final class QueryCommand extends ApiCommand {
    @Option(names = "--phone", paramLabel = "P", descriptionKey = "cli.option.queryPhone")
    String phone;

    @Option(names = "--email", paramLabel = "E", descriptionKey = "cli.option.queryEmail")
    String email;

    @Option(names = "--login-id", paramLabel = "ID", descriptionKey = "cli.option.loginId")
    String loginId;

    @Option(names = "--login-source", paramLabel = "S", descriptionKey = "cli.option.loginSource")
    String loginSource;

    QueryCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    void checkUsage() throws UsageException {
        int ways = (phone != null ? 1 : 0) + (email != null ? 1 : 0) + (loginId != null ? 1 : 0);
        if (ways != 1 || (loginId != null) != (loginSource != null)) {
            throw new UsageException("cli.usage.queryMode");
        }
    }

    @Override
    int execute(AccountService service) {
        IdentityQuery query = phone != null ? new IdentityQuery.ByPhone(phone)
                : email != null ? new IdentityQuery.ByEmail(email)
                : new IdentityQuery.ByLoginId(loginId, loginSource);
        return print(attempt(this::name, () -> data(service.queryIdentity(query, Cancellation.none()))));
    }
}
