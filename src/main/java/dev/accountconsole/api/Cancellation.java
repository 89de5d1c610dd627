package dev.accountconsole.api;

import okhttp3.Call;

/**
 * Lets another thread stop a call: cancels the HTTP exchange in flight and any retry that has not
 * started yet. One token per user action; it may span several HTTP attempts.
 */
public final class Cancellation {
    private volatile boolean cancelled;
    private volatile Call current;

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled = true;
        Call call = current;
        if (call != null) {
            call.cancel();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    void attach(Call call) {
        current = call;
        if (cancelled) {
            call.cancel();
        }
    }

    void detach() {
        current = null;
    }
}
