package dev.accountconsole.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.accountconsole.account.AccountService;
import dev.accountconsole.api.Cancellation;
import dev.accountconsole.api.ClientSettings;
import dev.accountconsole.api.GatewayClient;
import dev.accountconsole.api.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine through the real GatewayClient and AccountService, against a MockWebServer. */
class BulkEngineTest {
    private static final String A = "505fop357f0d8299b92664fc91012ae88ed2aaaa";
    private static final String B = "505fop357f0d8299b92664fc91012ae88ed2bbbb";
    private static final String C = "505fop357f0d8299b92664fc91012ae88ed2cccc";
    private static final String MISSING = "505fop357f0d8299b92664fc91012ae88ed20000";
    private static final String PHONE = "13800001111";

    @TempDir
    Path dir;

    private MockWebServer server;
    private FakeGateway gateway;
    private BulkJobs jobs;
    private AccountService service;

    @BeforeEach
    void start() throws IOException {
        gateway = new FakeGateway();
        server = new MockWebServer();
        server.setDispatcher(gateway);
        server.start();
        service = new AccountService(new GatewayClient(new ClientSettings(URI.create(server.url("/").toString()),
                "24681357", Secret.of("s")).withTimeoutMillis(600)));
        jobs = new BulkJobs(dir);
    }

    @AfterEach
    void stop() throws IOException {
        gateway.holdRelease.countDown();
        server.shutdown();
    }

    private BulkEngine engine() {
        return new BulkEngine(service, new BulkJobs(dir), RateLimiter.unlimited(), Thread::new);
    }

    private BulkJob job(BulkAction action, String pasted) throws IOException {
        return jobs.create(action, "Sandbox", BulkInput.parseText(pasted));
    }

    private static RunState finish(BulkRun run) throws Exception {
        return run.completion().get(10, TimeUnit.SECONDS);
    }

    @Test
    void dryRunSaysWhatWouldHappenToEachRowAndWritesNothing() throws Exception {
        gateway.account(A, false).account(B, true).account(C, false).phone(PHONE, C);
        BulkJob job = job(BulkAction.FREEZE, A + " " + B + " " + MISSING + " " + PHONE + " " + A + " +14155550100");

        List<RowResult> dry = engine().dryRun(job, BulkListener.NONE, Cancellation.none());

        assertThat(dry).extracting(RowResult::number, RowResult::outcome, RowResult::identityId).containsExactly(
                tuple(1, Outcome.WOULD_FREEZE, A),
                tuple(2, Outcome.ALREADY_FROZEN, B),
                tuple(3, Outcome.NOT_FOUND, MISSING),
                tuple(4, Outcome.WOULD_FREEZE, C),
                tuple(5, Outcome.DUPLICATE, A),
                tuple(6, Outcome.INVALID_INPUT, null));
        assertThat(dry.get(4).args()).containsExactly("1");
        assertThat(dry.get(0).requestId()).startsWith("srv-");
        assertThat(gateway.log).containsExactly("list " + A + " " + B + " " + MISSING, "phone " + PHONE);
        assertThat(jobs.load(job.jobId()).progress().pending()).isEqualTo(4);
    }

    @Test
    void realRunWritesEachRowOnceAndRecordsOutcomeCodeAndRequestId() throws Exception {
        gateway.account(A, false).account(B, true).account(C, false).phone(PHONE, A);
        gateway.refuse.add(C);
        BulkJob job = job(BulkAction.FREEZE, A + " " + B + " " + MISSING + " " + C + " " + PHONE);
        List<RowResult> seen = new CopyOnWriteArrayList<>();
        List<RunState> states = new CopyOnWriteArrayList<>();
        BulkListener listener = new BulkListener() {
            @Override
            public void rowUpdated(RowResult row, Progress progress) {
                seen.add(row);
            }

            @Override
            public void stateChanged(RunState state, Progress progress) {
                states.add(state);
            }
        };

        BulkRun run = engine().start(job, listener);

        assertThat(finish(run)).isEqualTo(RunState.COMPLETED);
        List<RowResult> rows = jobs.load(job.jobId()).rows();
        assertThat(rows).extracting(RowResult::state, RowResult::outcome, RowResult::code).containsExactly(
                tuple(RowState.SUCCEEDED, Outcome.FROZEN, null),
                tuple(RowState.SUCCEEDED, Outcome.ALREADY_FROZEN, null),
                tuple(RowState.FAILED, Outcome.NOT_FOUND, null),
                tuple(RowState.FAILED, Outcome.REJECTED, "460"),
                tuple(RowState.SKIPPED, Outcome.DUPLICATE, null));
        assertThat(rows.get(3).message()).isEqualTo("identityId is blank");
        assertThat(rows).filteredOn(r -> r.state() != RowState.SKIPPED)
                .allSatisfy(r -> assertThat(r.requestId()).startsWith("srv-"));
        assertThat(rows.get(4).identityId()).isEqualTo(A);
        assertThat(gateway.writes()).containsExactly("freeze " + A, "freeze " + C);
        assertThat(run.progress()).isEqualTo(new Progress(5, 0, 2, 2, 0, 1));
        assertThat(states).containsExactly(RunState.RUNNING, RunState.COMPLETED);
        assertThat(seen).extracting(RowResult::outcome).contains(Outcome.IN_FLIGHT, Outcome.FROZEN);
    }

    @Test
    void aTimedOutWriteIsSettledByReReadingNeverResent() throws Exception {
        gateway.account(A, false).account(B, false);
        gateway.applyThenHang.add(A);
        gateway.hang.add(B);
        BulkJob job = job(BulkAction.FREEZE, A + "\n" + B);

        assertThat(finish(engine().start(job, BulkListener.NONE))).isEqualTo(RunState.COMPLETED);

        List<RowResult> rows = jobs.load(job.jobId()).rows();
        assertThat(rows).extracting(RowResult::state, RowResult::outcome, RowResult::code).containsExactly(
                tuple(RowState.SUCCEEDED, Outcome.VERIFIED_APPLIED, "TIMEOUT"),
                tuple(RowState.FAILED, Outcome.NOT_APPLIED, "TIMEOUT"));
        assertThat(rows.get(0).args()).singleElement().asString().startsWith("srv-");
        assertThat(gateway.writes()).containsExactly("freeze " + A, "freeze " + B);

        gateway.hang.clear();
        BulkJob reloaded = jobs.load(job.jobId());
        assertThat(jobs.requeueFailed(reloaded)).isEqualTo(1);
        assertThat(finish(engine().start(reloaded, BulkListener.NONE))).isEqualTo(RunState.COMPLETED);
        assertThat(reloaded.row(2).outcome()).isEqualTo(Outcome.FROZEN);
        assertThat(gateway.count("freeze " + A)).isEqualTo(1);
        assertThat(gateway.count("freeze " + B)).isEqualTo(2);
    }

    @Test
    void pauseLetsTheRowInFlightFinishThenWaitsUntilResumed() throws Exception {
        gateway.account(A, false).account(B, false).account(C, false);
        gateway.hold = A;
        BulkJob job = job(BulkAction.FREEZE, A + " " + B + " " + C);
        CountDownLatch paused = new CountDownLatch(1);
        BulkRun run = engine().start(job, new BulkListener() {
            @Override
            public void stateChanged(RunState state, Progress progress) {
                if (state == RunState.PAUSED) {
                    paused.countDown();
                }
            }
        });

        assertThat(gateway.holdArrived.await(10, TimeUnit.SECONDS)).isTrue();
        run.pause();
        gateway.holdRelease.countDown();
        assertThat(paused.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(run.state()).isEqualTo(RunState.PAUSED);
        assertThat(job.row(1).state()).isEqualTo(RowState.SUCCEEDED);
        assertThat(new BulkJobs(dir).load(job.jobId()).rows()).as("what a crash now would leave on disk")
                .isEqualTo(job.rows());
        assertThat(run.progress().pending()).isEqualTo(2);
        assertThat(gateway.writes()).containsExactly("freeze " + A);

        run.resume();
        assertThat(finish(run)).isEqualTo(RunState.COMPLETED);
        assertThat(gateway.writes()).containsExactly("freeze " + A, "freeze " + B, "freeze " + C);
    }

    @Test
    void cancelStopsTheWriteInFlightAndARestartSettlesItWithoutResending() throws Exception {
        gateway.account(A, false).account(B, false).account(C, false);
        gateway.hold = A;
        BulkJob job = job(BulkAction.FREEZE, A + " " + B + " " + C);
        BulkRun run = engine().start(job, BulkListener.NONE);
        assertThat(gateway.holdArrived.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> engine().start(jobs.load(job.jobId()), BulkListener.NONE))
                .isInstanceOf(JobBusyException.class);
        run.cancel();

        assertThat(finish(run)).isEqualTo(RunState.CANCELLED);
        gateway.holdRelease.countDown();
        List<RowResult> afterCancel = jobs.load(job.jobId()).rows();
        assertThat(afterCancel).extracting(RowResult::state, RowResult::outcome, RowResult::code).containsExactly(
                tuple(RowState.OUTCOME_UNKNOWN, Outcome.ANSWER_LOST, "CANCELLED"),
                tuple(RowState.PENDING, null, null),
                tuple(RowState.PENDING, null, null));

        BulkJobs afterRestart = new BulkJobs(dir);
        assertThat(afterRestart.listUnfinished()).extracting(BulkJob::jobId).containsExactly(job.jobId());
        BulkJob resumed = afterRestart.load(job.jobId());
        assertThat(finish(new BulkEngine(service, afterRestart, RateLimiter.unlimited(), Thread::new)
                .start(resumed, BulkListener.NONE))).isEqualTo(RunState.COMPLETED);

        assertThat(resumed.rows()).extracting(RowResult::outcome)
                .containsExactly(Outcome.VERIFIED_APPLIED, Outcome.FROZEN, Outcome.FROZEN);
        assertThat(gateway.writes()).containsExactly("freeze " + A, "freeze " + B, "freeze " + C);
        assertThat(afterRestart.listUnfinished()).isEmpty();
    }

    @Test
    void aRestartResumesPendingRowsAndNeverRepeatsSucceededOnes() throws Exception {
        gateway.account(A, true).account(B, true).account(C, true).account(MISSING, true);
        gateway.hold = B;
        BulkJob job = job(BulkAction.UNFREEZE, A + " " + B + " " + C + " " + MISSING);
        CountDownLatch paused = new CountDownLatch(1);
        BulkRun run = engine().start(job, new BulkListener() {
            @Override
            public void stateChanged(RunState state, Progress progress) {
                if (state == RunState.PAUSED) {
                    paused.countDown();
                }
            }
        });
        assertThat(gateway.holdArrived.await(10, TimeUnit.SECONDS)).isTrue();
        run.pause();
        gateway.holdRelease.countDown();
        assertThat(paused.await(10, TimeUnit.SECONDS)).isTrue();
        run.cancel();
        assertThat(finish(run)).isEqualTo(RunState.CANCELLED);

        BulkJobs afterRestart = new BulkJobs(dir);
        BulkJob resumed = afterRestart.listUnfinished().get(0);
        assertThat(resumed.progress()).isEqualTo(new Progress(4, 2, 2, 0, 0, 0));
        assertThat(finish(new BulkEngine(service, afterRestart, RateLimiter.unlimited(), Thread::new)
                .start(resumed, BulkListener.NONE))).isEqualTo(RunState.COMPLETED);

        assertThat(gateway.writes()).containsExactly(
                "unfreeze " + A, "unfreeze " + B, "unfreeze " + C, "unfreeze " + MISSING);
        assertThat(afterRestart.load(job.jobId()).rows()).extracting(RowResult::state).containsOnly(RowState.SUCCEEDED);
    }

    @Test
    void aWriteRecordedInFlightWhenTheConsoleStoppedIsReReadOnResume() throws Exception {
        gateway.account(A, true).account(B, false);
        BulkJob job = job(BulkAction.FREEZE, A + " " + B);
        job.update(job.row(1).with(RowState.OUTCOME_UNKNOWN, Outcome.IN_FLIGHT, null, null, List.of(), null, null));
        jobs.save(job);

        BulkJob resumed = jobs.load(job.jobId());
        assertThat(finish(engine().start(resumed, BulkListener.NONE))).isEqualTo(RunState.COMPLETED);

        assertThat(resumed.rows()).extracting(RowResult::outcome)
                .containsExactly(Outcome.VERIFIED_APPLIED, Outcome.FROZEN);
        assertThat(gateway.writes()).containsExactly("freeze " + B);
    }

    @Test
    void lookupReadsIdsInBatchesOfFiftyAndPhonesOneByOne() throws Exception {
        List<String> ids = new ArrayList<>();
        IntStream.range(0, 120).forEach(i -> {
            String id = String.format("505fop357f0d8299b92664fc91012ae88ed2%04d", i);
            ids.add(id);
            gateway.account(id, i % 2 == 0);
        });
        gateway.phone(PHONE, ids.get(0).replace("0000", "9999")).account(ids.get(0).replace("0000", "9999"), false);
        BulkJob job = job(BulkAction.LOOKUP, String.join("\n", ids) + "\n" + PHONE);

        assertThat(finish(engine().start(job, BulkListener.NONE))).isEqualTo(RunState.COMPLETED);

        assertThat(gateway.log.stream().filter(e -> e.startsWith("list")).map(e -> e.split(" ").length - 1))
                .containsExactly(50, 50, 20);
        assertThat(gateway.log).contains("phone " + PHONE);
        assertThat(gateway.writes()).isEmpty();
        assertThat(job.row(1).outcome()).isEqualTo(Outcome.FOUND_FROZEN);
        assertThat(job.row(2).outcome()).isEqualTo(Outcome.FOUND_ACTIVE);
        assertThat(job.row(121).identityId()).endsWith("9999");
        assertThat(job.progress().succeeded()).isEqualTo(121);
    }

    @Test
    void theRateLimiterIsAskedBeforeEveryCall() throws Exception {
        gateway.account(A, false).account(B, false).phone(PHONE, C).account(C, false);
        AtomicInteger permits = new AtomicInteger();
        BulkEngine engine = new BulkEngine(service, jobs, () -> {
            permits.incrementAndGet();
            return 0;
        }, Thread::new);

        assertThat(finish(engine.start(job(BulkAction.FREEZE, A + " " + B + " " + PHONE), BulkListener.NONE)))
                .isEqualTo(RunState.COMPLETED);

        assertThat(permits.get()).isEqualTo(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void cancelCutsARateLimitWaitShort() throws Exception {
        gateway.account(A, false);
        BulkEngine engine = new BulkEngine(service, jobs, () -> TimeUnit.HOURS.toNanos(1), Thread::new);
        BulkJob job = job(BulkAction.FREEZE, A);
        CountDownLatch running = new CountDownLatch(1);
        BulkRun run = engine.start(job, new BulkListener() {
            @Override
            public void stateChanged(RunState state, Progress progress) {
                if (state == RunState.RUNNING) {
                    running.countDown();
                }
            }
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        run.cancel();

        assertThat(finish(run)).isEqualTo(RunState.CANCELLED);
        assertThat(server.getRequestCount()).isZero();
        assertThat(jobs.load(job.jobId()).row(1).state()).isEqualTo(RowState.PENDING);
    }

    @Test
    void aCancelledDryRunLeavesRowsPendingAndSendsNothing() throws Exception {
        gateway.account(A, false);
        Cancellation cancel = new Cancellation();
        cancel.cancel();

        List<RowResult> dry = engine().dryRun(job(BulkAction.FREEZE, A + " " + PHONE), BulkListener.NONE, cancel);

        assertThat(dry).extracting(RowResult::state).containsOnly(RowState.PENDING);
        assertThat(dry).extracting(RowResult::outcome).containsOnlyNulls();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aGatewayRefusalFailsTheRowAndAFailedReadWritesNothing() throws Exception {
        gateway.account(A, false).account(B, false).phone(PHONE, B);
        gateway.unavailable.add(A);
        BulkJob refused = job(BulkAction.FREEZE, A);
        assertThat(finish(engine().start(refused, BulkListener.NONE))).isEqualTo(RunState.COMPLETED);
        assertThat(refused.row(1)).extracting(RowResult::state, RowResult::outcome, RowResult::code, RowResult::message)
                .containsExactly(RowState.FAILED, Outcome.REJECTED, "HTTP 503", "Service Unavailable");
        assertThat(gateway.count("freeze " + A)).as("a write is never retried").isEqualTo(1);

        gateway.listBroken = true;
        BulkJob unreadable = job(BulkAction.UNREGISTER, B + " " + PHONE);
        assertThat(finish(engine().start(unreadable, BulkListener.NONE))).isEqualTo(RunState.COMPLETED);
        assertThat(unreadable.rows()).extracting(RowResult::state, RowResult::outcome, RowResult::code).containsExactly(
                tuple(RowState.FAILED, Outcome.READ_FAILED, "HTTP 500"),
                tuple(RowState.SKIPPED, Outcome.DUPLICATE, null));
        assertThat(gateway.writes()).containsExactly("freeze " + A);
    }

    @Test
    void anUnregisterWhoseAnswerWasLostIsSettledByTheAccountBeingGone() throws Exception {
        gateway.account(A, false);
        gateway.applyThenHang.add(A);
        BulkJob job = job(BulkAction.UNREGISTER, A);

        assertThat(finish(engine().start(job, BulkListener.NONE))).isEqualTo(RunState.COMPLETED);

        assertThat(job.row(1)).extracting(RowResult::state, RowResult::outcome)
                .containsExactly(RowState.SUCCEEDED, Outcome.VERIFIED_APPLIED);
        assertThat(gateway.writes()).containsExactly("unregister " + A);
    }

    @Test
    void withConcurrencyRowsOverlapYetEachAccountIsWrittenOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = String.format("505fop357f0d8299b92664fc91012ae88ed2%04d", i);
            ids.add(id);
            gateway.account(id, false);
        }
        gateway.phone(PHONE, ids.get(6)).phone("13900002222", ids.get(6));
        gateway.writesTogether = new CountDownLatch(3);
        BulkEngine engine = new BulkEngine(service, jobs, RateLimiter.unlimited(), Thread::new, 3);
        BulkJob job = job(BulkAction.FREEZE, String.join(" ", ids.subList(0, 6)) + " " + PHONE + " 13900002222");

        assertThat(finish(engine.start(job, BulkListener.NONE))).isEqualTo(RunState.COMPLETED);

        assertThat(gateway.mostInFlight.get()).isEqualTo(3);
        assertThat(gateway.writes()).hasSize(7).doesNotHaveDuplicates();
        assertThat(job.rows()).extracting(RowResult::outcome).containsOnly(Outcome.FROZEN, Outcome.DUPLICATE);
        assertThat(job.rows()).filteredOn(r -> r.outcome() == Outcome.DUPLICATE).singleElement()
                .satisfies(r -> assertThat(r.kind()).isEqualTo(InputKind.PHONE));
    }

    @Test
    void aStaleCopyOfAJobIsBroughtUpToDateBeforeItRuns() throws Exception {
        gateway.account(A, false).account(B, false);
        BulkJob job = job(BulkAction.FREEZE, A + " " + B);
        BulkJob staleCopy = jobs.load(job.jobId());
        assertThat(finish(engine().start(job, BulkListener.NONE))).isEqualTo(RunState.COMPLETED);

        assertThat(finish(engine().start(staleCopy, BulkListener.NONE))).isEqualTo(RunState.COMPLETED);

        assertThat(staleCopy.rows()).isEqualTo(job.rows());
        assertThat(gateway.writes()).containsExactly("freeze " + A, "freeze " + B);
    }
}
