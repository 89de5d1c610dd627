package dev.accountconsole.cli;

import dev.accountconsole.api.ClientWarmUp;
import dev.accountconsole.i18n.Messages;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The headless command line of docs/cli.md, on picocli, over the same {@code AccountService} and
 * signed client as the console.
 *
 * <p>Every word it prints comes from the application's bundles, in the language of
 * {@code --language} (else the system locale): picocli's own English parse errors are replaced,
 * and no exception ever reaches the user as a stack trace.
 */
public final class Cli {
    private Cli() {
    }

    /** Runs one command line on the process's own streams and returns the exit status. */
    public static int run(String[] args) {
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        OutputStream err = new FileOutputStream(FileDescriptor.err);
        return run(args, System.in, out, err, System.getenv());
    }

    /**
     * Runs one command line on the given streams: what tests call. Output is encoded as UTF-8 and
     * flushed before this returns.
     */
    public static int run(String[] args, InputStream in, OutputStream out, OutputStream err, Map<String, String> env) {
        if (callsGateway(args)) {
            ClientWarmUp.startInBackground();
        }
        CliContext ctx = new CliContext(in, out, err, env, messageLocale(args));
        try {
            return commandLine(ctx, args.length > 0 ? args[0] : null).execute(args);
        } finally {
            ctx.flush();
        }
    }

    /**
     * Every command, by name, in the order help lists them. A command from another package (the
     * sandbox) is one more line here.
     */
    static Map<String, Function<CliContext, Object>> commands() {
        Map<String, Function<CliContext, Object>> commands = new LinkedHashMap<>();
        commands.put("query", QueryCommand::new);
        commands.put("query-by-phone", QueryByPhoneCommand::new);
        commands.put("list", ListCommand::new);
        commands.put("register", RegisterCommand::new);
        commands.put("modify", ModifyCommand::new);
        commands.put("freeze", IdentityWriteCommand.Freeze::new);
        commands.put("unfreeze", IdentityWriteCommand.Unfreeze::new);
        commands.put("unregister", IdentityWriteCommand.Unregister::new);
        commands.put("sandbox", context -> new dev.accountconsole.sandbox.SandboxCommand());
        return commands;
    }

    /**
     * Builds only the command that is asked for when the first argument names one: picocli reads
     * each command's annotations by reflection, and start-up time counts in scripted bulk runs.
     * Anything else (no command, {@code --help}, a typo) gets them all, for the listing.
     */
    static CommandLine commandLine(CliContext ctx, String commandName) {
        CommandLine cl = new CommandLine(new Root());
        Map<String, Function<CliContext, Object>> commands = commands();
        boolean onlyOne = commandName != null && commands.containsKey(commandName);
        commands.forEach((name, factory) -> {
            if (!onlyOne || name.equals(commandName)) {
                cl.addSubcommand(name, factory.apply(ctx));
            }
        });
        localize(cl, ctx);
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cl.setParameterExceptionHandler((e, args) -> usageError(ctx, e.getCommandLine(), describe(ctx, e)));
        cl.setExecutionExceptionHandler((e, cmd, parseResult) -> e instanceof UsageException u
                ? usageError(ctx, cmd, ctx.text(u.key(), u.args()))
                : unexpected(ctx, cmd, e));
        return cl;
    }

    /** True when the first argument names a command that calls the gateway (all but the sandbox). */
    static boolean callsGateway(String[] args) {
        return args.length > 0 && CommandNames.isCommand(args[0]) && !args[0].equals("sandbox");
    }

    /** Help text from the bundles: option descriptions by their descriptionKey, commands by name. */
    private static void localize(CommandLine cl, CliContext ctx) {
        cl.setResourceBundle(Messages.bundle(ctx.locale()));
        for (CommandLine sub : cl.getSubcommands().values()) {
            String key = "cli.command." + sub.getCommandName();
            String text = ctx.text(key);
            if (!text.equals(key)) {
                sub.getCommandSpec().usageMessage().description(text);
            }
        }
        cl.getCommandSpec().usageMessage().description(ctx.text("cli.command.root"));
    }

    private static int usageError(CliContext ctx, CommandLine cmd, String problem) {
        String name = cmd.getCommandSpec().qualifiedName();
        ctx.printError(ctx.text("cli.usage.error", name, problem));
        ctx.printError(ctx.text("cli.usage.hint", name));
        return ExitStatus.USAGE;
    }

    private static int unexpected(CliContext ctx, CommandLine cmd, Exception e) {
        ctx.flush();
        ctx.printError(ctx.text("cli.error.unexpected", cmd.getCommandSpec().qualifiedName(),
                e.getClass().getSimpleName()));
        return ExitStatus.USAGE;
    }

    private static String describe(CliContext ctx, ParameterException e) {
        if (e instanceof CommandLine.MissingParameterException m) {
            return ctx.text("cli.usage.missing", m.getMissing().stream().map(Cli::argName)
                    .collect(Collectors.joining(", ")));
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            return ctx.text("cli.usage.unknown", String.join(" ", u.getUnmatched()));
        }
        if (e instanceof CommandLine.OverwrittenOptionException o) {
            return ctx.text("cli.usage.repeated", argName(o.getOverwritten()));
        }
        if (e.getArgSpec() != null && e.getValue() != null) {
            return ctx.text("cli.usage.invalidValue", argName(e.getArgSpec()), e.getValue());
        }
        if (e.getArgSpec() != null) {
            return ctx.text("cli.usage.needsValue", argName(e.getArgSpec()));
        }
        return ctx.text("cli.usage.other", e.getMessage());
    }

    private static String argName(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }

    /**
     * The language of the CLI's own text, known before parsing so that parse errors are localized
     * too. The API commands validate {@code --language} strictly when they build their settings.
     */
    static Locale messageLocale(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            String value = arg.equals("--language") && i + 1 < args.length ? args[i + 1]
                    : arg.startsWith("--language=") ? arg.substring("--language=".length()) : null;
            if (value != null && !value.isBlank()) {
                return Messages.fromTag(value);
            }
        }
        return Messages.supported(Locale.getDefault());
    }

    /** The root: with no command, says which ones there are. */
    @Command(name = "account-console", mixinStandardHelpOptions = true, versionProvider = Version.class)
    static final class Root implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws UsageException {
            throw new UsageException("cli.usage.noCommand", String.join(", ", spec.subcommands().keySet()));
        }
    }

    /** The jar's Implementation-Version; "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"account-console " + (v == null ? "dev" : v)};
        }
    }
}
