package dev.accountconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.i18n.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A missing key prints as the key itself, so the build must catch it instead of a user. */
class CliMessagesTest {
    private static final Pattern KEY_LITERAL = Pattern.compile("\"(cli\\.[A-Za-z0-9.-]*[A-Za-z0-9])\"");

    @Test
    void everyCliKeyInTheCodeExistsInBothLanguagesAndNoneIsLeftOver() throws IOException {
        Set<String> used = new HashSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/accountconsole/cli"))) {
            for (Path f : files.toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        Set<String> english = cliKeys(Messages.bundle(Locale.ENGLISH));
        Set<String> chinese = cliKeys(Messages.bundle(Messages.CHINESE));

        assertThat(used).isNotEmpty();
        assertThat(english).containsAll(used).isEqualTo(chinese);
        // Keys built from names at run time: one description per command.
        Set<String> dynamic = english.stream().filter(k -> k.startsWith("cli.command.")
                || k.startsWith("cli.option.") || k.startsWith("cli.param.")).collect(Collectors.toSet());
        assertThat(english).containsExactlyInAnyOrderElementsOf(union(used, dynamic));
    }

    private static Set<String> cliKeys(ResourceBundle bundle) {
        return bundle.keySet().stream().filter(k -> k.startsWith("cli.")).collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
