package dev.accountconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accountconsole.bulk.BulkAction;
import dev.accountconsole.bulk.BulkInput;
import dev.accountconsole.bulk.BulkJob;
import dev.accountconsole.bulk.BulkJobs;
import dev.accountconsole.config.AppDirs;
import dev.accountconsole.ui.activity.ActivityViewModel;
import dev.accountconsole.ui.bulk.BulkViewModel;
import dev.accountconsole.ui.common.DirectTaskExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk view model without a toolkit or a server: input, rate and when a run may start. */
class BulkViewModelTest {
    @TempDir
    Path home;

    private BulkViewModel vm() {
        ConsoleSession session = new ConsoleSession(AppDirs.under(home), new DirectTaskExecutor(), () -> {
            throw new IllegalStateException("no sandbox in this test");
        });
        session.localeProperty().set(Locale.ENGLISH);
        return new BulkViewModel(session, new ActivityViewModel(session), Runnable::run);
    }

    @Test
    void pastedRowsAreCountedAndACsvReplacesThem() throws Exception {
        BulkViewModel vm = vm();
        vm.pastedProperty().set("13800138000, 13800138001\nabc");
        assertThat(vm.inputCountProperty().get()).isEqualTo(3);
        Path csv = home.resolve("in.csv");
        Files.writeString(csv, "\uFEFFphone\n13800138000\n", StandardCharsets.UTF_8);
        vm.loadCsv(csv);
        assertThat(vm.inputCountProperty().get()).isEqualTo(1);
        assertThat(vm.csvNameProperty().get()).isEqualTo("in.csv");
        assertThat(vm.pastedProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Loaded 1 row from in.csv.");
    }

    @Test
    void theRateIsBoundedAndNothingRunsBeforeTheConnection() {
        BulkViewModel vm = vm();
        vm.pastedProperty().set("13800138000");
        assertThat(vm.rateErrorBinding().get()).isNull();
        vm.rateProperty().set("50");
        assertThat(vm.rateErrorBinding().get()).startsWith("Rate:");
        vm.rateProperty().set("fast");
        assertThat(vm.rateErrorBinding().get()).startsWith("Rate:");
        vm.rateProperty().set("0.5");
        assertThat(vm.rateErrorBinding().get()).isNull();
        assertThat(vm.canRunBinding().get()).as("not connected").isFalse();
        vm.dryRun();
        assertThat(vm.rows()).isEmpty();
    }

    @Test
    void onlyWritesOnProductionAskForATypedConfirmation() {
        BulkViewModel vm = vm();
        vm.actionProperty().set(BulkAction.FREEZE);
        assertThat(vm.needsTypedConfirmation()).as("the sandbox").isFalse();
        assertThat(vm.confirmationWord()).isEqualTo("FREEZE");
        vm.pastedProperty().set("a1 b2");
        assertThat(vm.rowsToRun()).isEqualTo(2);
    }

    @Test
    void aJobMadeForAnotherProfileIsNotOpened() throws Exception {
        BulkViewModel vm = vm();
        BulkJob other = new BulkJobs(AppDirs.under(home).data()).create(BulkAction.FREEZE, "Production CN",
                BulkInput.parseText("13800138000"));
        vm.openJob(other);
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.statusProperty().get()).contains("Production CN");
    }
}
