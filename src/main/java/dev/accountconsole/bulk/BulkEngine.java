package dev.accountconsole.bulk;

import dev.accountconsole.account.Account;
import dev.accountconsole.account.AccountService;
import dev.accountconsole.account.InvalidInputException;
import dev.accountconsole.account.Result;
import dev.accountconsole.account.Validation;
import dev.accountconsole.api.ApiException;
import dev.accountconsole.api.BusinessException;
import dev.accountconsole.api.Cancellation;
import dev.accountconsole.api.GatewayException;
import dev.accountconsole.api.TransportException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs bulk jobs against one profile's {@link AccountService}: dry runs that only read, and real runs
 * on a worker thread at a bounded rate, one row at a time unless asked for more, recording every row
 * change on disk before going on.
 *
 * <p>The rules that keep a job safe to stop at any moment:
 * <ul>
 * <li>Only PENDING rows are acted on, so a SUCCEEDED row is never repeated, across restarts too.</li>
 * <li>A write is recorded as in flight (OUTCOME_UNKNOWN) before it is sent; a write whose answer
 *     is lost stays OUTCOME_UNKNOWN until a re-read of the account settles it. Writes are never
 *     sent twice by the engine; a FAILED row is sent again only after {@link BulkJobs#requeueFailed(BulkJob)}.</li>
 * <li>Reads (resolving phones, batched identity reads, settling) are retried by the client.</li>
 * </ul>
 *
 * <p>Thread-safe. The caller matches the service to {@link BulkJob#profile()}.
 */
public final class BulkEngine {
    private static final System.Logger LOG = System.getLogger(BulkEngine.class.getName());
    /** queryIdentityList takes at most this many ids; rows are read in chunks of it. */
    static final int CHUNK = Validation.MAX_IDS_PER_LIST_CALL;
    /** querybyphone's answer when no account has the phone. */
    static final int NOT_FOUND_CODE = 2405;

    private final AccountService service;
    private final BulkJobs jobs;
    private final RateLimiter limiter;
    private final ThreadFactory threads;
    private final int concurrency;

    /** At {@link RateLimiter#DEFAULT_PER_SECOND}, one call at a time, on daemon threads. */
    public BulkEngine(AccountService service, BulkJobs jobs) {
        this(service, jobs, RateLimiter.perSecond(RateLimiter.DEFAULT_PER_SECOND), BulkEngine::daemon, 1);
    }

    /** One call at a time. */
    public BulkEngine(AccountService service, BulkJobs jobs, RateLimiter limiter, ThreadFactory threads) {
        this(service, jobs, limiter, threads, 1);
    }

    /**
     * @param limiter asked before every gateway call, reads included
     * @param threads makes each run's worker thread, and its helpers when {@code concurrency > 1}
     * @param concurrency how many rows may be in flight at once; more than one only helps when the
     *     gateway's latency is longer than the rate's spacing, and rows then finish out of order
     */
    public BulkEngine(AccountService service, BulkJobs jobs, RateLimiter limiter, ThreadFactory threads,
                      int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.service = Objects.requireNonNull(service);
        this.jobs = Objects.requireNonNull(jobs);
        this.limiter = Objects.requireNonNull(limiter);
        this.threads = Objects.requireNonNull(threads);
        this.concurrency = concurrency;
    }

    /**
     * A daemon, because a console that is closed mid-job must still exit: every row is already on
     * disk, and the write in flight is marked so that the next run re-reads it instead of re-sending.
     */
    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "bulk-job");
        t.setDaemon(true);
        return t;
    }

    /**
     * Says what a run would do to each pending row, reading but never writing, and without changing
     * the job. Rows already handled are returned as they are. Blocks: call it off the UI thread; the
     * listener is called on the calling thread.
     *
     * @return one result per row, in input order; pending rows carry a WOULD_*, ALREADY_*,
     *     NOT_FOUND, DUPLICATE or READ_FAILED outcome (rows not reached before a cancel stay pending)
     */
    public List<RowResult> dryRun(BulkJob job, BulkListener listener, Cancellation cancel) {
        BulkJob copy = new BulkJob(job.jobId(), job.action(), job.profile(), job.createdAt(), job.rows());
        Pass pass = new Pass(copy, new Control(cancel), listener, true, null);
        try {
            pass.rows();
        } catch (Control.Stopped e) {
            LOG.log(System.Logger.Level.DEBUG, "dry run of {0} cancelled", job.jobId());
        } catch (IOException e) {
            throw new IllegalStateException("a dry run does not write files", e);
        }
        return copy.rows();
    }

    /**
     * Starts (or resumes) a run: first settles OUTCOME_UNKNOWN rows by re-reading their accounts, then
     * works through the PENDING rows in order. The job is first brought up to date from its file, in
     * case another console ran it since this instance was loaded.
     *
     * @throws JobBusyException when the job is already running here or in another console
     */
    public BulkRun start(BulkJob job, BulkListener listener) throws IOException {
        BulkJobs.RunLock lock = jobs.lockForRun(job.jobId());
        try {
            job.refreshFrom(jobs.load(job.jobId()));
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        Control control = new Control(null);
        BulkRun run = new BulkRun(job, control);
        Pass pass = new Pass(job, control, listener, false, run);
        try {
            threads.newThread(() -> pass.runToEnd(lock)).start();
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return run;
    }

    /** What a read said about one account. */
    private sealed interface Lookup {
        record Found(Account account, String requestId) implements Lookup { }

        record NotFound(String requestId) implements Lookup { }

        record ReadFailed(String code, String message, String requestId) implements Lookup { }
    }

    /** One pass over a job: a real run (on the worker) or a dry run (on the caller's thread). */
    private final class Pass {
        private final BulkJob job;
        private final Control control;
        private final BulkListener listener;
        private final boolean dry;
        private final BulkRun run;
        private final Map<String, Integer> claims = new HashMap<>();
        /** Listeners are called one at a time, even when helpers finish rows together. */
        private final Object listenerLock = new Object();

        Pass(BulkJob job, Control control, BulkListener listener, boolean dry, BulkRun run) {
            this.job = job;
            this.control = control;
            this.listener = listener;
            this.dry = dry;
            this.run = run;
        }

        void runToEnd(BulkJobs.RunLock lock) {
            RunState end = RunState.COMPLETED;
            Throwable failure = null;
            try (lock) {
                try {
                    announce(RunState.RUNNING);
                    settleUnknown();
                    rows();
                } catch (Control.Stopped e) {
                    end = RunState.CANCELLED;
                }
                jobs.save(job);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "bulk job " + job.jobId() + " stopped", e);
                end = RunState.FAILED;
                failure = e;
            }
            announce(end);
            run.finish(end, failure);
        }

        private void announce(RunState state) {
            if (run != null) {
                run.state(state);
            }
            synchronized (listenerLock) {
                try {
                    listener.stateChanged(state, job.progress());
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "bulk listener failed", e);
                }
            }
        }

        private boolean checkpoint() throws Control.Stopped {
            return control.checkpoint(() -> announce(RunState.PAUSED), () -> announce(RunState.RUNNING));
        }

        private void settleUnknown() throws Control.Stopped, IOException {
            for (RowResult row : job.rows()) {
                if (row.state() == RowState.OUTCOME_UNKNOWN) {
                    checkpoint();
                    settle(row);
                }
            }
        }

        /**
         * The pending rows in order, a chunk at a time. A pause stops the chunk from handing out rows;
         * once the rows in flight are done, the pass waits here, and after resuming reads the rest
         * again, since the accounts may have changed meanwhile. The cursor, not the state, marks
         * progress: a dry run leaves rows pending.
         */
        void rows() throws Control.Stopped, IOException {
            int cursor = 0;
            while (true) {
                checkpoint();
                int after = cursor;
                List<RowResult> chunk = job.rows().stream()
                        .filter(r -> r.number() > after && r.state() == RowState.PENDING).limit(CHUNK).toList();
                if (chunk.isEmpty()) {
                    return;
                }
                Map<String, Lookup> byId = readIdentityIds(chunk);
                int taken = chunk(chunk, byId);
                if (taken > 0) {
                    cursor = chunk.get(taken - 1).number();
                }
            }
        }

        /**
         * Handles the chunk's rows in order on this thread and up to {@code concurrency - 1} helpers,
         * until the rows run out or a pause is asked; returns how many rows were taken (each of them
         * finished). The first failure of any thread stops the others from taking rows and is thrown.
         */
        private int chunk(List<RowResult> chunk, Map<String, Lookup> byId) throws Control.Stopped, IOException {
            AtomicInteger next = new AtomicInteger();
            AtomicReference<Exception> failure = new AtomicReference<>();
            Runnable work = () -> {
                try {
                    while (failure.get() == null && !control.isPauseRequested()) {
                        control.throwIfCancelled();
                        int i = next.getAndIncrement();
                        if (i >= chunk.size()) {
                            return;
                        }
                        row(chunk.get(i), byId);
                    }
                } catch (Control.Stopped | IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            };
            List<Thread> helpers = new ArrayList<>();
            for (int h = 1; h < Math.min(concurrency, chunk.size()); h++) {
                Thread t = threads.newThread(work);
                t.start();
                helpers.add(t);
            }
            work.run();
            for (Thread t : helpers) {
                joinUninterruptibly(t);
            }
            Exception e = failure.get();
            if (e instanceof Control.Stopped stopped) {
                throw stopped;
            } else if (e instanceof IOException io) {
                throw io;
            } else if (e != null) {
                throw (RuntimeException) e;
            }
            return Math.min(next.get(), chunk.size());
        }

        private Map<String, Lookup> readIdentityIds(List<RowResult> chunk) throws Control.Stopped {
            List<String> ids = new ArrayList<>(new LinkedHashSet<>(chunk.stream()
                    .filter(r -> r.kind() == InputKind.IDENTITY_ID).map(RowResult::value).toList()));
            Map<String, Lookup> byId = new HashMap<>();
            if (ids.isEmpty()) {
                return byId;
            }
            try {
                Result<List<Account>> r = read(c -> service.queryIdentityList(ids, c));
                for (String id : ids) {
                    byId.put(id, new Lookup.NotFound(r.requestId()));
                }
                for (Account a : r.value()) {
                    if (a.identityId() != null && byId.containsKey(a.identityId())) {
                        byId.put(a.identityId(), new Lookup.Found(a, r.requestId()));
                    }
                }
            } catch (ApiException e) {
                Lookup failed = readFailed(e);
                ids.forEach(id -> byId.put(id, failed));
            } catch (InvalidInputException e) {
                Lookup failed = new Lookup.ReadFailed(e.errors().get(0).key(), null, null);
                ids.forEach(id -> byId.put(id, failed));
            }
            return byId;
        }

        private Lookup readByPhone(String phone) throws Control.Stopped {
            try {
                Result<Account> r = read(c -> service.queryByPhone(phone, c));
                if (r.value().identityId() == null || r.value().identityId().isBlank()) {
                    return new Lookup.ReadFailed(TransportException.Kind.BAD_RESPONSE.name(), null, r.requestId());
                }
                return new Lookup.Found(r.value(), r.requestId());
            } catch (BusinessException e) {
                if (e.code() == NOT_FOUND_CODE) {
                    return new Lookup.NotFound(e.requestId());
                }
                return readFailed(e);
            } catch (ApiException e) {
                return readFailed(e);
            } catch (InvalidInputException e) {
                return new Lookup.ReadFailed(e.errors().get(0).key(), null, null);
            }
        }

        /** A read that failed; a cancelled read unwinds the pass instead. */
        private Lookup readFailed(ApiException e) throws Control.Stopped {
            if (e instanceof TransportException t && t.kind() == TransportException.Kind.CANCELLED) {
                throw new Control.Stopped();
            }
            return new Lookup.ReadFailed(code(e), message(e), e.requestId());
        }

        private void row(RowResult row, Map<String, Lookup> byId) throws Control.Stopped, IOException {
            Lookup lookup;
            String id;
            if (row.kind() == InputKind.PHONE) {
                lookup = readByPhone(row.value());
                id = lookup instanceof Lookup.Found f ? f.account().identityId() : null;
                if (id != null) {
                    row = row.withIdentityId(id);
                }
            } else {
                id = row.value();
                lookup = byId.get(id);
            }
            if (id != null) {
                Integer earlier = claim(id, row.number());
                if (earlier != null) {
                    record(row.with(RowState.SKIPPED, Outcome.DUPLICATE, null, null, List.of(earlier.toString()),
                            null, now()));
                    return;
                }
            }
            if (lookup instanceof Lookup.NotFound nf) {
                record(row.with(RowState.FAILED, Outcome.NOT_FOUND, null, null, List.of(), nf.requestId(), now()));
            } else if (lookup instanceof Lookup.ReadFailed rf) {
                record(row.with(RowState.FAILED, Outcome.READ_FAILED, rf.code(), rf.message(), List.of(),
                        rf.requestId(), now()));
            } else {
                Lookup.Found found = (Lookup.Found) lookup;
                decide(row, id, found.account(), found.requestId());
            }
        }

        private void decide(RowResult row, String id, Account account, String readRequestId)
                throws Control.Stopped, IOException {
            Boolean frozen = account.frozen();
            Outcome noChange = switch (job.action()) {
                case LOOKUP -> frozen == null ? Outcome.FOUND : frozen ? Outcome.FOUND_FROZEN : Outcome.FOUND_ACTIVE;
                case FREEZE -> Boolean.TRUE.equals(frozen) ? Outcome.ALREADY_FROZEN : null;
                case UNFREEZE -> Boolean.FALSE.equals(frozen) ? Outcome.ALREADY_ACTIVE : null;
                case UNREGISTER -> null;
            };
            if (noChange != null) {
                RowState state = dry && job.action().isWrite() ? RowState.SKIPPED : RowState.SUCCEEDED;
                record(row.with(state, noChange, null, null, List.of(), readRequestId, now()));
            } else if (dry) {
                Outcome would = switch (job.action()) {
                    case FREEZE -> Outcome.WOULD_FREEZE;
                    case UNFREEZE -> Outcome.WOULD_UNFREEZE;
                    default -> Outcome.WOULD_UNREGISTER;
                };
                record(row.with(RowState.PENDING, would, null, null, List.of(), readRequestId, now()));
            } else {
                write(row, id);
            }
        }

        private void write(RowResult row, String id) throws Control.Stopped, IOException {
            control.pace(limiter.reserveNanos());
            record(row.with(RowState.OUTCOME_UNKNOWN, Outcome.IN_FLIGHT, null, null, List.of(), null, now()));
            try {
                Result<Void> r = send(c -> switch (job.action()) {
                    case FREEZE -> service.freeze(id, c);
                    case UNFREEZE -> service.unfreeze(id, c);
                    case UNREGISTER -> service.unregister(id, c);
                    case LOOKUP -> throw new IllegalStateException("lookup does not write");
                });
                Outcome done = switch (job.action()) {
                    case FREEZE -> Outcome.FROZEN;
                    case UNFREEZE -> Outcome.UNFROZEN;
                    default -> Outcome.UNREGISTERED;
                };
                record(row.with(RowState.SUCCEEDED, done, null, null, List.of(), r.requestId(), now()));
            } catch (TransportException e) {
                boolean cancelled = e.kind() == TransportException.Kind.CANCELLED;
                if (e.outcomeUnknown() || cancelled) {
                    RowResult lost = row.with(RowState.OUTCOME_UNKNOWN, Outcome.ANSWER_LOST, code(e), null,
                            List.of(), e.requestId(), now());
                    record(lost);
                    if (cancelled) {
                        throw new Control.Stopped();
                    }
                    settle(lost);
                } else {
                    record(row.with(RowState.FAILED, Outcome.NOT_SENT, code(e), message(e), List.of(),
                            e.requestId(), now()));
                }
            } catch (ApiException e) {
                record(row.with(RowState.FAILED, Outcome.REJECTED, code(e), message(e), List.of(), e.requestId(),
                        now()));
            } catch (InvalidInputException e) {
                record(row.with(RowState.SKIPPED, Outcome.INVALID_INPUT, e.errors().get(0).key(), null,
                        e.errors().get(0).args().stream().map(String::valueOf).toList(), null, now()));
            }
        }

        /**
         * Re-reads the account of a write whose answer was lost and decides the row from what it shows.
         * A read that fails leaves the row as it is, for the next run to try again.
         */
        private void settle(RowResult row) throws Control.Stopped, IOException {
            String id = row.identityId();
            if (id == null) {
                // A phone row's id is recorded before its write, so this is a damaged or edited file.
                record(row.with(RowState.FAILED, Outcome.READ_FAILED, null, null, List.of(), row.requestId(), now()));
                return;
            }
            Result<List<Account>> r;
            try {
                r = read(c -> service.queryIdentityList(List.of(id), c));
            } catch (ApiException e) {
                if (e instanceof TransportException t && t.kind() == TransportException.Kind.CANCELLED) {
                    throw new Control.Stopped();
                }
                LOG.log(System.Logger.Level.INFO, "row {0} of job {1} not settled yet: {2}", row.number(),
                        job.jobId(), e.getMessage());
                return;
            } catch (InvalidInputException e) {
                record(row.with(RowState.SKIPPED, Outcome.INVALID_INPUT, e.errors().get(0).key(), null, List.of(),
                        null, now()));
                return;
            }
            Account account = r.value().stream().filter(a -> id.equals(a.identityId())).findFirst().orElse(null);
            Boolean applied = switch (job.action()) {
                case FREEZE -> account == null ? Boolean.FALSE : account.frozen();
                case UNFREEZE -> account == null || account.frozen() == null ? null : !account.frozen();
                case UNREGISTER -> account == null;
                case LOOKUP -> Boolean.TRUE;
            };
            List<String> readId = List.of(Objects.toString(r.requestId(), ""));
            if (applied == null) {
                record(row.with(RowState.OUTCOME_UNKNOWN, Outcome.UNVERIFIABLE, row.code(), null, readId,
                        row.requestId(), now()));
            } else if (applied) {
                record(row.with(RowState.SUCCEEDED, Outcome.VERIFIED_APPLIED, row.code(), null, readId,
                        row.requestId(), now()));
            } else {
                record(row.with(RowState.FAILED, Outcome.NOT_APPLIED, row.code(), null, readId, row.requestId(),
                        now()));
            }
        }

        /**
         * The row that already stands for this account, or null when this row may act on it. Earlier
         * rows of the job count, and so do rows of this pass still in flight on another thread.
         */
        private synchronized Integer claim(String identityId, int number) {
            Integer earlier = job.earlierRowFor(identityId, number);
            if (earlier != null) {
                return earlier;
            }
            Integer other = claims.putIfAbsent(identityId, number);
            return other == null || other == number ? null : other;
        }

        /** A read: waits for the rate limit, then calls. */
        private <T> T read(ServiceCall<T> call) throws ApiException, InvalidInputException, Control.Stopped {
            control.pace(limiter.reserveNanos());
            return send(call);
        }

        /** Calls with a token that a cancel reaches; the rate limit must already be waited out. */
        private <T> T send(ServiceCall<T> call) throws ApiException, InvalidInputException {
            Cancellation token = control.newCall();
            try {
                return call.call(token);
            } finally {
                control.done(token);
            }
        }

        private void record(RowResult row) throws IOException {
            job.update(row);
            if (!dry) {
                jobs.append(job, row);
            }
            synchronized (listenerLock) {
                try {
                    listener.rowUpdated(row, job.progress());
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "bulk listener failed", e);
                }
            }
        }

        private Instant now() {
            return jobs.clock().instant();
        }
    }

    /** One service call, given the token that cancels it. */
    @FunctionalInterface
    private interface ServiceCall<T> {
        T call(Cancellation cancellation) throws ApiException, InvalidInputException;
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the report's code column shows for a failed call. */
    private static String code(ApiException e) {
        if (e instanceof BusinessException b) {
            return String.valueOf(b.code());
        }
        if (e instanceof GatewayException g) {
            return "HTTP " + g.httpStatus();
        }
        return ((TransportException) e).kind().name();
    }

    private static String message(ApiException e) {
        if (e instanceof BusinessException b) {
            return b.localizedMsg() != null ? b.localizedMsg() : b.apiMessage();
        }
        if (e instanceof GatewayException g) {
            return g.errorMessage();
        }
        return null;
    }
}
