package dev.accountconsole.cli;

import dev.accountconsole.account.Account;
import dev.accountconsole.account.AccountChanges;
import dev.accountconsole.account.AccountService;
import dev.accountconsole.account.InvalidInputException;
import dev.accountconsole.account.Validation;
import dev.accountconsole.api.ApiException;
import dev.accountconsole.api.Cancellation;
import dev.accountconsole.api.Secret;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** modifyAccount: sends only the fields given, with the IoT token of the options or the environment. */
@Command(name = "modify", mixinStandardHelpOptions = true)
final class ModifyCommand extends ApiCommand {
    @Parameters(index = "0", paramLabel = "ID", descriptionKey = "cli.param.identityId")
    String identityId;

    @Mixin
    AccountFieldOptions fields = new AccountFieldOptions();

    @Option(names = "--modifier", paramLabel = "M", descriptionKey = "cli.option.modifier")
    String modifier;

    ModifyCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    int execute(AccountService service) throws UsageException {
        Secret password = fields.password(ctx);
        return print(attempt(() -> subject(identityId), () -> {
            AccountChanges.Builder changes = AccountChanges.builder().loginName(fields.loginName)
                    .phone(fields.phone).email(fields.email).nickName(fields.nickName).avatarUrl(fields.avatarUrl)
                    .modifier(modifier).password(password);
            if (fields.phone == null && fields.email == null) {
                keepCurrentContact(service, changes);
            }
            return data(service.modify(identityId, changes.build(), Cancellation.none()));
        }));
    }

    /**
     * modifyAccount wants a phone or an email in every call (the seed page: at least one required),
     * so a change of neither resends the account's current one, as the console does. An unknown id
     * sends neither and gets the API's own answer. Costs one read, only when neither is given.
     */
    private void keepCurrentContact(AccountService service, AccountChanges.Builder changes)
            throws InvalidInputException, ApiException {
        List<Account> found = service.queryIdentityList(List.of(identityId), Cancellation.none()).value();
        if (!found.isEmpty()) {
            Account current = found.get(0);
            // A stored foreign number fails the modify phone rule (mainland only), so its email goes instead.
            boolean phoneUsable = current.phone() != null && Validation.checkPhone("phone", current.phone(), null) == null;
            if (phoneUsable || current.email() == null) {
                changes.phone(current.phone());
            } else {
                changes.email(current.email());
            }
        }
    }
}
