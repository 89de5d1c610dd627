package dev.accountconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.activity.ActivityEntry;
import dev.accountconsole.activity.ActivityLog;
import dev.accountconsole.api.BusinessException;
import dev.accountconsole.api.TransportException;
import dev.accountconsole.config.AppDirs;
import dev.accountconsole.ui.activity.ActivityViewModel;
import dev.accountconsole.ui.common.DirectTaskExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The activity view model without a toolkit: the synchronous executor runs each task inline. */
class ActivityViewModelTest {
    @TempDir
    Path home;

    private ConsoleSession session() {
        return new ConsoleSession(AppDirs.under(home), new DirectTaskExecutor(), () -> {
            throw new IllegalStateException("no sandbox in this test");
        });
    }

    @Test
    void recordsOutcomesOnDiskShowsEachOnceAndFiltersAndExports() throws Exception {
        ActivityViewModel vm = new ActivityViewModel(session());
        vm.recordSuccess("freeze", "id-1", "req-1", "frozen");
        vm.recordFailure("unfreeze", "id-2", new BusinessException(null, 403, "request forbidden.", "请求被禁止",
                "c-2", "req-2", 5));
        vm.recordFailure("modify", "id-3", new TransportException(null, TransportException.Kind.TIMEOUT, 800, "c-3", 801, null));
        vm.load();
        assertThat(vm.entries()).hasSize(3);

        List<ActivityEntry> onDisk = new ActivityLog(AppDirs.under(home).data()).readAll();
        assertThat(onDisk).extracting(ActivityEntry::outcomeCode).containsExactly("200", "403", "TIMEOUT");
        assertThat(onDisk.get(1).message()).contains("请求被禁止").contains("403");
        assertThat(onDisk.get(2).requestId()).isEqualTo("c-3");
        assertThat(onDisk.get(2).message()).contains("raise the profile's timeout");

        ActivityViewModel afterRestart = new ActivityViewModel(session());
        afterRestart.load();
        assertThat(afterRestart.entries()).hasSize(3);
        afterRestart.filterProperty().set("TIMEOUT");
        assertThat(afterRestart.entries()).extracting(ActivityEntry::identityId).containsExactly("id-3");

        Path csv = home.resolve("export.csv");
        afterRestart.exportCsv(csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("id-3").contains("TIMEOUT");
    }
}
