package dev.accountconsole.cli;

import dev.accountconsole.api.Secret;
import picocli.CommandLine.Option;

/** The account fields that register and modify both take (a picocli mixin), and the password from stdin. */
final class AccountFieldOptions {
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

    @Option(names = "--password-stdin", descriptionKey = "cli.option.passwordStdin")
    boolean passwordStdin;

    /** The password's first line on standard input with {@code --password-stdin}, else null. */
    Secret password(CliContext ctx) throws UsageException {
        return passwordStdin ? PasswordInput.readFirstLine(ctx.in()) : null;
    }
}
