package dev.accountconsole.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.accountconsole.account.Account;
import dev.accountconsole.account.AccountService;
import dev.accountconsole.account.Registration;
import dev.accountconsole.api.Cancellation;
import dev.accountconsole.api.GatewayClient;
import dev.accountconsole.config.AppDirs;
import dev.accountconsole.sandbox.EmbeddedSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bulk freeze end to end against the embedded sandbox: dry run, a stop after one row, a restart, the report. */
class BulkSandboxTest {
    @TempDir
    Path home;

    @Test
    void dryRunThenARunStoppedAfterOneRowAndResumedByANewEngineRepeatsNothing() throws Exception {
        AppDirs dirs = AppDirs.under(home);
        try (EmbeddedSandbox sandbox = EmbeddedSandbox.startForConsole(dirs, 0)) {
            AccountService service = new AccountService(new GatewayClient(sandbox.clientSettings()));
            String id1 = register(service, "13700000001");
            String id2 = register(service, "13700000002");
            String id3 = register(service, "13700000003");
            service.freeze(id3, Cancellation.none());
            String missing = "505fop357f0d8299b92664fc91012ae88ed20000";
            BulkJobs jobs = new BulkJobs(dirs.data());
            BulkJob job = jobs.create(BulkAction.FREEZE, "Sandbox",
                    BulkInput.parseText(id1 + "\n+86 137-0000-0002\n" + id3 + "\n" + missing + "\n" + id1));

            List<RowResult> dry = new BulkEngine(service, jobs).dryRun(job, BulkListener.NONE, Cancellation.none());
            assertThat(dry).extracting(RowResult::outcome).containsExactly(Outcome.WOULD_FREEZE, Outcome.WOULD_FREEZE,
                    Outcome.ALREADY_FROZEN, Outcome.NOT_FOUND, Outcome.DUPLICATE);
            assertThat(frozen(service, id1)).isFalse();

            CountDownLatch go = new CountDownLatch(1);
            ThreadFactory gated = r -> new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                r.run();
            });
            AtomicReference<BulkRun> first = new AtomicReference<>();
            BulkRun run = new BulkEngine(service, jobs, RateLimiter.unlimited(), gated).start(job, new BulkListener() {
                @Override
                public void rowUpdated(RowResult row, Progress progress) {
                    if (row.state() == RowState.SUCCEEDED) {
                        first.get().cancel();
                    }
                }
            });
            first.set(run);
            go.countDown();
            assertThat(run.completion().get(10, TimeUnit.SECONDS)).isEqualTo(RunState.CANCELLED);
            String firstRequestId = job.row(1).requestId();
            assertThat(frozen(service, id1)).isTrue();

            BulkJobs afterRestart = new BulkJobs(dirs.data());
            BulkJob resumed = afterRestart.listUnfinished().get(0);
            BulkRun second = new BulkEngine(service, afterRestart, RateLimiter.perSecond(20), Thread::new)
                    .start(resumed, BulkListener.NONE);
            assertThat(second.completion().get(10, TimeUnit.SECONDS)).isEqualTo(RunState.COMPLETED);

            assertThat(resumed.rows()).extracting(RowResult::state, RowResult::outcome).containsExactly(
                    tuple(RowState.SUCCEEDED, Outcome.FROZEN),
                    tuple(RowState.SUCCEEDED, Outcome.FROZEN),
                    tuple(RowState.SUCCEEDED, Outcome.ALREADY_FROZEN),
                    tuple(RowState.FAILED, Outcome.NOT_FOUND),
                    tuple(RowState.SKIPPED, Outcome.DUPLICATE));
            assertThat(resumed.row(1).requestId()).as("row 1 was not sent again").isEqualTo(firstRequestId);
            assertThat(resumed.row(2).identityId()).isEqualTo(id2);
            assertThat(frozen(service, id2)).isTrue();

            Path report = home.resolve("report.csv");
            BulkReport.exportCsv(resumed.rows(), Locale.ENGLISH, report);
            assertThat(Files.readString(report)).contains(id1 + ",succeeded,frozen,,," + firstRequestId);
        }
    }

    private static String register(AccountService service, String phone) throws Exception {
        return service.register(Registration.builder().phone(phone).build(), Cancellation.none()).value();
    }

    private static boolean frozen(AccountService service, String id) throws Exception {
        List<Account> found = service.queryIdentityList(List.of(id), Cancellation.none()).value();
        return Boolean.TRUE.equals(found.get(0).frozen());
    }
}
