package dev.accountconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandNamesTest {
    @Test
    void mainKnowsEveryCommandTheCliHas() {
        assertThat(Cli.commands().keySet()).containsExactlyElementsOf(CommandNames.ALL);
    }
}
