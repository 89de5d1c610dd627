package dev.accountconsole.cli;

import dev.accountconsole.account.AccountChanges;
import dev.accountconsole.account.AccountService;
import dev.accountconsole.api.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** modifyAccount: sends only the fields given, with the IoT token of the options or the environment. */
@Command(name = "modify", mixinStandardHelpOptions = true)
final class ModifyCommand extends ApiCommand {
    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "cli.param.identityId")
    String identityId;

    @Option(names = "--login-name", paramLabel = "N", descriptionKey = "cli.option.loginName")
    String loginName;

    @Option(names = "--phone", paramLabel = "P", descriptionKey = "cli.option.phone")
    String phone;

    @Option(names = "--email", paramLabel = "E", descriptionKey = "cli.option.email")
    String email;

    @Option(names = "--nick-name", paramLabel = "N", descriptionKey = "cli.option.nickName")
    String nickName;

    @Option(names = "--avatar-url", paramLabel = "U", descriptionKey = "cli.option.avatarUrl")
    String avatarUrl;

    @Option(names = "--modifier", paramLabel = "M", descriptionKey = "cli.option.modifier")
    String modifier;

    @Option(names = "--password-stdin", descriptionKey = "cli.option.passwordStdin")
    boolean passwordStdin;

    ModifyCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int execute(AccountService service) throws UsageException {
        AccountChanges changes = AccountChanges.builder().loginName(loginName).phone(phone).email(email)
                .nickName(nickName).avatarUrl(avatarUrl).modifier(modifier)
                .password(passwordStdin ? PasswordInput.readFirstLine(ctx.in()) : null).build();
        return print(attempt(subject(identityId), () -> data(service.modify(identityId, changes, Cancellation.none()))));
    }
}
