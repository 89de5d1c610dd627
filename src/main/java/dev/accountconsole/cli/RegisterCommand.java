package dev.accountconsole.cli;

import dev.accountconsole.account.AccountService;
import dev.accountconsole.account.Registration;
import dev.accountconsole.api.Cancellation;
import dev.accountconsole.api.Secret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** register: prints the API's data, the new identityId, as a JSON string. */
@Command(name = "register", mixinStandardHelpOptions = true)
final class RegisterCommand extends ApiCommand {
    @Option(names = "--login-name", paramLabel = "N", descriptionKey = "cli.option.loginName")
    String loginName;

    @Option(names = "--phone", paramLabel = "P", descriptionKey = "cli.option.phone")
    String phone;

    @Option(names = "--mobile-location-code", paramLabel = "C", descriptionKey = "cli.option.mobileLocationCode")
    String mobileLocationCode;

    @Option(names = "--email", paramLabel = "E", descriptionKey = "cli.option.email")
    String email;

    @Option(names = "--nick-name", paramLabel = "N", descriptionKey = "cli.option.nickName")
    String nickName;

    @Option(names = "--avatar-url", paramLabel = "U", descriptionKey = "cli.option.avatarUrl")
    String avatarUrl;

    @Option(names = "--creater", paramLabel = "C", descriptionKey = "cli.option.creater")
    String creater;

    @Option(names = "--password-stdin", descriptionKey = "cli.option.passwordStdin")
    boolean passwordStdin;

    RegisterCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int execute(AccountService service) throws UsageException {
        Secret password = passwordStdin ? PasswordInput.readFirstLine(ctx.in()) : null;
        Registration registration = Registration.builder().loginName(loginName).phone(phone)
                .mobileLocationCode(mobileLocationCode).email(email).nickName(nickName).password(password)
                .avatarUrl(avatarUrl).creater(creater).build();
        return print(attempt(name(), () -> data(service.register(registration, Cancellation.none()))));
    }
}
