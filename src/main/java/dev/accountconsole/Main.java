package dev.accountconsole;

/**
 * The jar's entry point. With no arguments, or with only console options (those starting with
 * {@code --}), it opens the console; with a command ({@code query}, {@code sandbox}...) it runs
 * headless. A plain class, not a JavaFX {@code Application}, so that it starts with JavaFX on the
 * class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (opensConsole(args)) {
            dev.accountconsole.ui.ConsoleLauncher.launch(args);
            return;
        }
        System.exit(dev.accountconsole.cli.Cli.run(args));
    }

    /** Console options only, and no command anywhere (options may come before a command). */
    static boolean opensConsole(String[] args) {
        if (args.length == 0) {
            return true;
        }
        if (!args[0].startsWith("--") || isCliGlobalFlag(args[0])) {
            return false;
        }
        for (String arg : args) {
            if (dev.accountconsole.cli.CommandNames.isCommand(arg)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCliGlobalFlag(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("--version") || arg.equals("-V");
    }
}
