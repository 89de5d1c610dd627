package dev.accountconsole.cli;

import dev.accountconsole.account.AccountService;
import dev.accountconsole.account.Registration;
import dev.accountconsole.api.Cancellation;
import dev.accountconsole.api.Secret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** register: prints the API's data, the new identityId, as a JSON string. */
@Command(name = "register", mixinStandardHelpOptions = true)
final class RegisterCommand extends ApiCommand {
    @Mixin
    AccountFieldOptions fields = new AccountFieldOptions();

    @Option(names = "--mobile-location-code", paramLabel = "C", descriptionKey = "cli.option.mobileLocationCode")
    String mobileLocationCode;

    @Option(names = "--creater", paramLabel = "C", descriptionKey = "cli.option.creater")
    String creater;

    RegisterCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int execute(AccountService service) throws UsageException {
        Secret password = fields.password(ctx);
        Registration registration = Registration.builder().loginName(fields.loginName).phone(fields.phone)
                .mobileLocationCode(mobileLocationCode).email(fields.email).nickName(fields.nickName)
                .password(password).avatarUrl(fields.avatarUrl).creater(creater).build();
        return print(attempt(this::name, () -> data(service.register(registration, Cancellation.none()))));
    }
}
