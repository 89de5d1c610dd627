package dev.accountconsole.ui.bulk;

import dev.accountconsole.account.AccountService;
import dev.accountconsole.bulk.BulkAction;
import dev.accountconsole.bulk.BulkEngine;
import dev.accountconsole.bulk.BulkInput;
import dev.accountconsole.bulk.BulkJob;
import dev.accountconsole.bulk.BulkJobs;
import dev.accountconsole.bulk.BulkListener;
import dev.accountconsole.bulk.BulkReport;
import dev.accountconsole.bulk.BulkRun;
import dev.accountconsole.bulk.InputRow;
import dev.accountconsole.bulk.Outcome;
import dev.accountconsole.bulk.Progress;
import dev.accountconsole.bulk.RateLimiter;
import dev.accountconsole.bulk.RowResult;
import dev.accountconsole.bulk.RowState;
import dev.accountconsole.bulk.RunState;
import dev.accountconsole.config.Profile;
import dev.accountconsole.ui.ConsoleSession;
import dev.accountconsole.ui.activity.ActivityViewModel;
import dev.accountconsole.ui.common.BackgroundTask;
import dev.accountconsole.ui.common.ErrorPresenter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A bulk job in the console: the input (a CSV file or a pasted list), the action and the rate; a dry
 * run; the real run with pause, resume and cancel; the per-row report and its export; the jobs a
 * previous session left unfinished.
 *
 * <p>The engine reports on its worker thread; every report is handed to {@code fxThread} before it
 * touches a property, so the view model changes only on the JavaFX thread.
 */
public final class BulkViewModel {
    private static final System.Logger LOG = System.getLogger(BulkViewModel.class.getName());
    static final double MIN_RATE = 0.2;
    static final double MAX_RATE = 20;
    /** What a bulk write's activity entry records: the outcomes of a write that was sent. */
    private static final Set<Outcome> SENT = EnumSet.of(Outcome.FROZEN, Outcome.UNFROZEN, Outcome.UNREGISTERED,
            Outcome.REJECTED, Outcome.NOT_SENT, Outcome.ANSWER_LOST, Outcome.VERIFIED_APPLIED, Outcome.NOT_APPLIED,
            Outcome.UNVERIFIABLE);
    private static final ThreadFactory WORKERS = r -> {
        Thread t = new Thread(r, "console-bulk-job");
        // Every row is on disk before the next starts, so a closing console need not wait for the job.
        t.setDaemon(true);
        return t;
    };

    private final ConsoleSession session;
    private final ActivityViewModel activity;
    private final Executor fxThread;
    /**
     * Made on first use, in the background: the job store brings Jackson, hundreds of classes that
     * would otherwise load before the console's first window.
     */
    private volatile BulkJobs jobs;
    private List<InputRow> csvRows;
    private BulkJob job;
    /** Whether {@link #job} has been run for real; a job only dry-run is deleted when the input changes. */
    private boolean jobRan;
    private boolean openingJob;
    private BackgroundTask<?> dryRunTask;
    private BulkRun run;

    // Properties
    private final StringProperty pasted = new SimpleStringProperty(this, "pasted", "");
    private final ReadOnlyStringWrapper csvName = new ReadOnlyStringWrapper(this, "csvName");
    private final ObjectProperty<BulkAction> action = new SimpleObjectProperty<>(this, "action", BulkAction.LOOKUP);
    private final StringProperty rate = new SimpleStringProperty(this, "rate",
            String.valueOf((int) RateLimiter.DEFAULT_PER_SECOND));
    private final ReadOnlyObjectWrapper<Integer> inputCount = new ReadOnlyObjectWrapper<>(this, "inputCount", 0);
    private final ObservableList<RowResult> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Progress> progress =
            new ReadOnlyObjectWrapper<>(this, "progress", new Progress(0, 0, 0, 0, 0, 0));
    private final ReadOnlyObjectWrapper<RunState> runState = new ReadOnlyObjectWrapper<>(this, "runState");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper dryRunShown = new ReadOnlyBooleanWrapper(this, "dryRunShown");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final ObservableList<BulkJob> unfinished = FXCollections.observableArrayList();

    private final BooleanBinding running;
    private final BooleanBinding canRun;

    public BulkViewModel(ConsoleSession session, ActivityViewModel activity, Executor fxThread) {
        this.session = session;
        this.activity = activity;
        this.fxThread = fxThread;
        running = runState.isEqualTo(RunState.RUNNING).or(runState.isEqualTo(RunState.PAUSED));
        canRun = Bindings.createBooleanBinding(() -> !busy.get() && !running.get() && inputCount.get() > 0
                && rateError() == null && session.serviceProperty().get() != null,
                busy, running, inputCount, rate, session.serviceProperty());
        pasted.addListener((obs, o, text) -> {
            if (!text.isEmpty()) {
                csvRows = null;
                csvName.set(null);
            }
            inputChanged(csvRows != null ? csvRows.size() : BulkInput.parseText(text).size());
        });
        action.addListener((obs, o, a) -> inputChanged(inputCount.get()));
        // A job runs with the credentials of the profile it was made for; after a switch, the input
        // makes a new job for the new profile instead.
        session.profileProperty().addListener((obs, o, p) -> inputChanged(
                csvRows != null ? csvRows.size() : BulkInput.parseText(pasted.get()).size()));
    }

    // Commands

    /** Reads the CSV in the background; it replaces the pasted list. */
    public void loadCsv(Path file) {
        BackgroundTask.wrap(c -> BulkInput.parseCsv(file))
                .onSuccess(parsed -> {
                    pasted.set("");
                    csvRows = parsed;
                    csvName.set(file.getFileName().toString());
                    inputChanged(parsed.size());
                    status.set(session.text("bulk.view.loaded", parsed.size(), file.getFileName().toString()));
                })
                .onFailure(e -> status.set(session.text("bulk.view.loadFailed", e.getMessage())))
                .executeWith(session.executor());
    }

    /** Says what the run would do to each row, reading only. */
    public void dryRun() {
        AccountService service = session.serviceProperty().get();
        if (!canRun.get() || service == null) {
            return;
        }
        BulkEngine engine = engine(service);
        busy.set(true);
        status.set(session.text("bulk.view.dryRunning"));
        JobSource source = jobSource();
        BackgroundTask<List<RowResult>> task = BackgroundTask.wrap(c -> {
            BulkJob j = source.job();
            return engine.dryRun(j, listener(j, true), c);
        });
        dryRunTask = task;
        task.onSuccess(result -> {
            rows.setAll(result);
            dryRunShown.set(true);
            status.set(session.text(task.isCancelled() ? "bulk.view.dryRunCancelled" : "bulk.view.dryRunDone",
                    result.size()));
        }).onFailure(e -> status.set(ErrorPresenter.present(e, session.locale()).message()))
                .onFinished(() -> {
                    busy.set(false);
                    dryRunTask = null;
                }).executeWith(session.executor());
    }

    /** Whether {@link #start()} needs the operator to type a confirmation first: writes on production. */
    public boolean needsTypedConfirmation() {
        return action.get().isWrite()
                && session.profileProperty().get().environment() == Profile.Environment.PRODUCTION;
    }

    /** What the typed confirmation accepts besides {@link #confirmationWord()}: the number of rows to run. */
    public int rowsToRun() {
        if (job != null && jobRan) {
            return job.progress().pending() + job.progress().unknown();
        }
        return inputCount.get();
    }

    /** The action's word the operator may type instead of the row count, in their language. */
    public String confirmationWord() {
        return switch (action.get()) {
            case FREEZE -> session.text("bulk.view.confirm.word.freeze");
            case UNFREEZE -> session.text("bulk.view.confirm.word.unfreeze");
            case UNREGISTER -> session.text("bulk.view.confirm.word.unregister");
            case LOOKUP -> "";
        };
    }

    /** Starts the job (a new one for new input, otherwise the job shown), at the chosen rate. */
    public void start() {
        AccountService service = session.serviceProperty().get();
        if (!canRun.get() || service == null) {
            return;
        }
        if (job != null && !session.profileProperty().get().name().equals(job.profile())) {
            status.set(session.text("bulk.view.otherProfile", job.profile()));
            return;
        }
        BulkEngine engine = engine(service);
        busy.set(true);
        dryRunShown.set(false);
        status.set(session.text("bulk.view.starting"));
        JobSource source = jobSource();
        BackgroundTask.wrap(c -> {
            BulkJob j = source.job();
            return engine.start(j, listener(j, false));
        }).onSuccess(r -> {
            run = r;
            jobRan = true;
            showJob(r.job());
            runState.set(r.state());
            r.completion().whenComplete((end, failure) -> fxThread.execute(() -> finished(r, failure)));
        }).onFailure(e -> status.set(session.text("bulk.view.startFailed",
                ErrorPresenter.present(e, session.locale()).message())))
                .onFinished(() -> busy.set(false))
                .executeWith(session.executor());
    }

    public void pause() {
        if (run != null) {
            run.pause();
        }
    }

    public void resume() {
        if (run != null) {
            run.resume();
        }
    }

    /** Stops the run (or the dry run); pending rows stay pending, so the job can be resumed. */
    public void cancel() {
        if (run != null) {
            run.cancel();
        }
        BackgroundTask<?> dry = dryRunTask;
        if (dry != null) {
            dry.cancel();
        }
    }

    /** Shows an unfinished job as the current one, ready for {@link #start()}. */
    public void openJob(BulkJob unfinishedJob) {
        if (running.get() || busy.get()) {
            return;
        }
        String profile = session.profileProperty().get().name();
        if (unfinishedJob.profile() != null && !unfinishedJob.profile().equals(profile)) {
            status.set(session.text("bulk.view.otherProfile", unfinishedJob.profile()));
            return;
        }
        openingJob = true;
        try {
            pasted.set("");
            csvRows = null;
            csvName.set(null);
            action.set(unfinishedJob.action());
        } finally {
            openingJob = false;
        }
        job = unfinishedJob;
        jobRan = true;
        inputCount.set(unfinishedJob.size());
        dryRunShown.set(false);
        showJob(unfinishedJob);
        status.set(session.text("bulk.view.opened", unfinishedJob.progress().pending()));
    }

    private BulkJobs jobs() {
        BulkJobs store = jobs;
        if (store == null) {
            synchronized (this) {
                store = jobs;
                if (store == null) {
                    store = new BulkJobs(session.dirs().data());
                    jobs = store;
                }
            }
        }
        return store;
    }

    /** Lists, in the background, the jobs an earlier session left with rows to do. */
    public void refreshUnfinished() {
        BackgroundTask.wrap(c -> jobs().listUnfinished())
                .onSuccess(list -> unfinished.setAll(list.stream()
                        .filter(j -> run == null || !j.jobId().equals(run.job().jobId()) || !running.get())
                        .toList()))
                .onFailure(e -> LOG.log(System.Logger.Level.WARNING, "Could not list unfinished bulk jobs", e))
                .executeWith(session.executor());
    }

    /** Writes the report as shown (the dry run's or the run's) as CSV in the operator's language. */
    public void exportReport(Path target) {
        List<RowResult> snapshot = List.copyOf(rows);
        Locale locale = session.locale();
        BackgroundTask.wrap(c -> {
            BulkReport.exportCsv(snapshot, locale, target);
            return snapshot.size();
        }).onSuccess(n -> status.set(session.text("bulk.view.exported", n, target.toString())))
                .onFailure(e -> status.set(session.text("bulk.view.exportFailed", e.getMessage())))
                .executeWith(session.executor());
    }

    /** The console is closing: a run stops at once; its rows are already on disk. */
    public void close() {
        cancel();
    }

    // Internals

    private BulkEngine engine(AccountService service) {
        return new BulkEngine(service, jobs(), RateLimiter.perSecond(parsedRate()), WORKERS);
    }

    /** The job for the input shown, as read on the JavaFX thread; {@link JobSource#job()} runs on a worker. */
    private JobSource jobSource() {
        return new JobSource(job, csvRows, pasted.get(), action.get(), session.profileProperty().get().name());
    }

    private final class JobSource {
        private final BulkJob existing;
        private final List<InputRow> csv;
        private final String text;
        private final BulkAction chosen;
        private final String profile;

        JobSource(BulkJob existing, List<InputRow> csv, String text, BulkAction chosen, String profile) {
            this.existing = existing;
            this.csv = csv;
            this.text = text;
            this.chosen = chosen;
            this.profile = profile;
        }

        /**
         * The existing job, or a new one created (and saved) now. It becomes the one shown before the
         * engine reports any row, since reports and this hand-over reach the JavaFX thread in order.
         */
        BulkJob job() throws IOException {
            if (existing != null) {
                return existing;
            }
            BulkJob created = jobs().create(chosen, profile, csv != null ? csv : BulkInput.parseText(text));
            fxThread.execute(() -> {
                job = created;
                showJob(created);
            });
            return created;
        }
    }

    private void inputChanged(int count) {
        inputCount.set(count);
        if (openingJob || job == null || running.get()) {
            return;
        }
        BulkJob stale = job;
        boolean ran = jobRan;
        job = null;
        jobRan = false;
        rows.clear();
        dryRunShown.set(false);
        progress.set(new Progress(0, 0, 0, 0, 0, 0));
        runState.set(null);
        if (!ran) {
            // A job that was only dry-run is not work left undone; keeping it would offer it for resuming.
            BackgroundTask.wrap(c -> {
                jobs().delete(stale);
                return stale;
            }).onFailure(e -> LOG.log(System.Logger.Level.WARNING, "Could not remove a dry-run job", e))
                    .executeWith(session.executor());
        }
    }

    private void showJob(BulkJob j) {
        rows.setAll(j.rows());
        progress.set(j.progress());
    }

    private BulkListener listener(BulkJob forJob, boolean dry) {
        return new BulkListener() {
            @Override
            public void rowUpdated(RowResult row, Progress p) {
                fxThread.execute(() -> showRow(forJob, row, p, dry));
            }

            @Override
            public void stateChanged(RunState state, Progress p) {
                if (!dry) {
                    fxThread.execute(() -> {
                        if (run != null && run.job() == forJob) {
                            runState.set(state);
                            progress.set(p);
                        }
                    });
                }
            }
        };
    }

    private void showRow(BulkJob forJob, RowResult row, Progress p, boolean dry) {
        if (forJob == job && row.number() <= rows.size()) {
            rows.set(row.number() - 1, row);
            if (!dry) {
                progress.set(p);
            }
        }
        if (!dry && forJob.action().isWrite() && SENT.contains(row.outcome())) {
            String code = row.state() == RowState.SUCCEEDED && row.code() == null ? "200"
                    : row.code() != null ? row.code() : row.state().name();
            activity.recordBulkWrite(forJob.action().name().toLowerCase(Locale.ROOT), row.identityId(), code,
                    row.requestId(), session.text("bulk.view.activityMessage", BulkReport.describe(row, session.locale()),
                            forJob.jobId().substring(0, 8), row.number()));
        }
    }

    private void finished(BulkRun r, Throwable failure) {
        if (run != r) {
            return;
        }
        run = null;
        runState.set(r.state());
        Progress p = r.job().progress();
        progress.set(p);
        rows.setAll(r.job().rows());
        status.set(failure != null ? session.text("bulk.view.runFailed", failure.getMessage())
                : session.text(r.state() == RunState.CANCELLED ? "bulk.view.cancelled" : "bulk.view.finished",
                        p.succeeded(), p.failed(), p.unknown(), p.skipped(), p.pending()));
        refreshUnfinished();
    }

    private double parsedRate() {
        return Double.parseDouble(rate.get().strip());
    }

    /** Null when the rate is a number of requests per second the console accepts. */
    private String rateError() {
        try {
            double r = parsedRate();
            return r >= MIN_RATE && r <= MAX_RATE ? null : session.text("bulk.view.rateInvalid", MIN_RATE, MAX_RATE);
        } catch (NumberFormatException | NullPointerException e) {
            return session.text("bulk.view.rateInvalid", MIN_RATE, MAX_RATE);
        }
    }

    // Properties

    public StringProperty pastedProperty() {
        return pasted;
    }

    public ReadOnlyStringProperty csvNameProperty() {
        return csvName.getReadOnlyProperty();
    }

    public ObjectProperty<BulkAction> actionProperty() {
        return action;
    }

    public StringProperty rateProperty() {
        return rate;
    }

    public javafx.beans.binding.StringBinding rateErrorBinding() {
        return Bindings.createStringBinding(this::rateError, rate, session.localeProperty());
    }

    public ReadOnlyObjectProperty<Integer> inputCountProperty() {
        return inputCount.getReadOnlyProperty();
    }

    public ObservableList<RowResult> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<Progress> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The run's state; null before the first run of the job shown. */
    public ReadOnlyObjectProperty<RunState> runStateProperty() {
        return runState.getReadOnlyProperty();
    }

    /** A dry run or a start in progress. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether the rows shown are a dry run's (so not what the job file holds). */
    public ReadOnlyBooleanProperty dryRunShownProperty() {
        return dryRunShown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<BulkJob> unfinished() {
        return unfinished;
    }

    public BooleanBinding runningBinding() {
        return running;
    }

    public BooleanBinding canRunBinding() {
        return canRun;
    }
}
