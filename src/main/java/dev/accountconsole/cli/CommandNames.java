package dev.accountconsole.cli;

import java.util.List;

/**
 * The names of the CLI's commands, in the order help lists them. Kept apart from {@link Cli} so that
 * {@code Main} can tell a command line from console options without loading any command class: the
 * console's first window should not wait for picocli.
 */
public final class CommandNames {
    public static final List<String> ALL = List.of("query", "query-by-phone", "list", "register", "modify",
            "freeze", "unfreeze", "unregister", "sandbox");

    private CommandNames() {
    }

    public static boolean isCommand(String word) {
        return ALL.contains(word);
    }
}
