package dev.accountconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Both languages have every key, every key used in code or FXML exists, and no key lingers unused.
 * Keys built at run time ({@code "field." + name}) are covered by their prefixes.
 */
class BundleKeysTest {
    private static final Path BUNDLES = Path.of("src/main/resources/dev/accountconsole/i18n");
    private static final Path JAVA = Path.of("src/main/java");
    private static final Path RESOURCES = Path.of("src/main/resources");
    /**
     * Prefixes of keys that code composes (the suffix is a field name, an enum constant or an error
     * code), and of the keys picocli looks up by its own naming convention for the CLI's help.
     */
    private static final List<String> COMPOSED = List.of("field.", "error.code.", "search.mode.", "validation.",
            "cli.command.", "mixinStandardHelpOptions.", "usage.");
    private static final Pattern JAVA_KEY = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)+)\"");
    /** A key handed straight to a lookup in the console's code: {@code text("key"}, {@code get(locale, "key"}. */
    private static final Pattern UI_LOOKUP = Pattern.compile(
            "(?:text|get)\\((?:[A-Za-z.()]+, )?\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)+)\"");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)+)\"");

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static Set<String> used() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.walk(JAVA), Files.walk(RESOURCES))) {
            for (Path f : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String name = f.toString();
                Pattern p = name.endsWith(".java") ? JAVA_KEY : name.endsWith(".fxml") ? FXML_KEY : null;
                if (p == null) {
                    continue;
                }
                Matcher m = p.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    /** Keys the console looks up by a literal name, in FXML (%key) and in the ui package. */
    private static Set<String> looked() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.walk(JAVA.resolve("dev/accountconsole/ui")),
                Files.walk(RESOURCES.resolve("dev/accountconsole/ui")))) {
            for (Path f : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                Pattern p = f.toString().endsWith(".fxml") ? FXML_KEY : UI_LOOKUP;
                Matcher m = p.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> en = load("messages.properties").stringPropertyNames();
        Set<String> zh = load("messages_zh_CN.properties").stringPropertyNames();
        assertThat(new TreeSet<>(zh)).as("keys only in English are missing in Chinese").containsAll(en);
        assertThat(new TreeSet<>(en)).as("keys only in Chinese are missing in English").containsAll(zh);
    }

    @Test
    void everyUiKeyExistsAndEveryKeyIsUsed() throws IOException {
        Set<String> defined = load("messages.properties").stringPropertyNames();
        Set<String> used = used();
        Set<String> looked = looked();
        assertThat(looked).as("the scan finds the console's lookups").contains("app.title", "search.found");
        assertThat(defined).as("keys used but not defined").containsAll(looked);
        Set<String> unused = defined.stream()
                .filter(k -> !used.contains(k))
                .filter(k -> COMPOSED.stream().noneMatch(k::startsWith))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unused).as("keys defined but used nowhere").isEmpty();
    }
}
