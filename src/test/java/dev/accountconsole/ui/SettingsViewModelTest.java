package dev.accountconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.config.AppDirs;
import dev.accountconsole.config.ProfileStore;
import dev.accountconsole.ui.common.DirectTaskExecutor;
import dev.accountconsole.ui.settings.SettingsViewModel;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Try again" on the settings page runs again what failed, a save or a connection test, without a
 * toolkit: the synchronous executor runs each task inline.
 */
class SettingsViewModelTest {
    private static final String PROFILE = "Staging";

    @TempDir
    Path home;

    private ConsoleSession session() {
        ConsoleSession s = new ConsoleSession(AppDirs.under(home), new DirectTaskExecutor(), () -> {
            throw new IllegalStateException("no sandbox in this test");
        });
        // Opens the profile store; the built-in sandbox then fails to start, which does not matter here.
        s.connect();
        assertThat(s.profileStore()).isNotNull();
        return s;
    }

    private static SettingsViewModel form(ConsoleSession session, String endpoint) {
        SettingsViewModel vm = new SettingsViewModel(session);
        vm.newProfile();
        vm.nameProperty().set(PROFILE);
        vm.endpointProperty().set(endpoint);
        vm.appKeyProperty().set("20260001");
        vm.appSecretProperty().set("staging-secret-0123456789");
        return vm;
    }

    /** A directory where the profiles file goes: the store's write fails, even for root. */
    private Path blockProfilesFile(ConsoleSession session) throws Exception {
        return Files.createDirectories(session.dirs().config().resolve("profiles.json"));
    }

    @Test
    void tryAgainAfterAFailedSaveSavesAgain() throws Exception {
        ConsoleSession session = session();
        SettingsViewModel vm = form(session, "https://staging.example.invalid");
        Path obstacle = blockProfilesFile(session);

        vm.saveAndUse();
        assertThat(vm.problemProperty().get()).isNotNull();
        // A disk failure is not marked retryable, so the banner hides "Try again" for it today;
        // the view model still re-runs the save should it be offered.
        assertThat(vm.problemProperty().get().retryable()).isFalse();
        assertThat(session.profileProperty().get().name()).isNotEqualTo(PROFILE);

        Files.delete(obstacle);
        vm.retry();

        assertThat(vm.problemProperty().get()).isNull();
        assertThat(ProfileStore.open(session.dirs()).find(PROFILE)).isPresent();
        assertThat(session.profileProperty().get().name()).isEqualTo(PROFILE);
    }

    @Test
    void tryAgainAfterAFailedTestTestsAgainAndSavesNothing() throws Exception {
        ConsoleSession session = session();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SettingsViewModel vm = form(session, "http://127.0.0.1:" + closedPort);
        Path obstacle = blockProfilesFile(session);
        vm.saveAndUse();
        Files.delete(obstacle);

        vm.testConnection();
        assertThat(vm.problemProperty().get()).isNotNull();
        assertThat(vm.problemProperty().get().retryable()).isTrue();
        String failedTestTicket = vm.ticketText();
        assertThat(failedTestTicket).isNotNull();

        vm.retry();

        assertThat(vm.problemProperty().get()).isNotNull();
        assertThat(vm.ticketText()).isNotNull().isNotEqualTo(failedTestTicket);
        assertThat(ProfileStore.open(session.dirs()).find(PROFILE)).isEmpty();
    }
}
