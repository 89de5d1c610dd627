package dev.accountconsole;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void consoleOnlyWithoutACommand() {
        assertThat(Main.opensConsole(new String[0])).isTrue();
        assertThat(Main.opensConsole(new String[] {"--smoke-test"})).isTrue();
        assertThat(Main.opensConsole(new String[] {"query-by-phone", "13800001111"})).isFalse();
        assertThat(Main.opensConsole(new String[] {"--language", "zh-CN", "query", "--phone", "1"})).isFalse();
        assertThat(Main.opensConsole(new String[] {"--help"})).isFalse();
        assertThat(Main.opensConsole(new String[] {"sandbox", "--port", "0"})).isFalse();
    }
}
