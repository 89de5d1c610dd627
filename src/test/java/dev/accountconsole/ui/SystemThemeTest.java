package dev.accountconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What "Same as the system" reads, with the environment and gsettings stood in for. */
class SystemThemeTest {
    private static SystemTheme.Command answering(String colorScheme, String gtkTheme) {
        return command -> command[command.length - 1].equals("color-scheme") ? colorScheme : gtkTheme;
    }

    @Test
    void gtkThemeVariableWinsOverGsettings() {
        assertThat(SystemTheme.prefersDark(Map.of("GTK_THEME", "Adwaita:dark"), answering("'prefer-light'", null)))
                .isTrue();
        assertThat(SystemTheme.prefersDark(Map.of("GTK_THEME", "Adwaita"), answering("'prefer-dark'", null)))
                .isFalse();
    }

    @Test
    void gnomeColorSchemeThenGtkThemeName() {
        assertThat(SystemTheme.prefersDark(Map.of(), answering("'prefer-dark'", "'Adwaita'"))).isTrue();
        assertThat(SystemTheme.prefersDark(Map.of(), answering("'default'", "'Yaru-dark'"))).isTrue();
        assertThat(SystemTheme.prefersDark(Map.of(), answering("'default'", "'Yaru'"))).isFalse();
    }

    @Test
    void noDesktopToAskMeansLight() {
        assertThat(SystemTheme.prefersDark(Map.of(), answering(null, null))).isFalse();
    }

    @Test
    void storedChoiceReadsBackAndUnknownFollowsTheSystem() {
        assertThat(Theme.parse("dark")).isEqualTo(Theme.DARK);
        assertThat(Theme.parse(null)).isEqualTo(Theme.SYSTEM);
        assertThat(Theme.parse("purple")).isEqualTo(Theme.SYSTEM);
    }
}
