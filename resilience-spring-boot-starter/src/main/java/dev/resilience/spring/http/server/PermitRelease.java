package dev.resilience.spring.http.server;

import dev.resilience.bulkhead.Bulkhead;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gives an async request's bulkhead slot back when the container completes the request, however it ended
 * (normally, after a timeout or an error: the container always ends with {@code onComplete}). Released at
 * most once even if the container reported completion twice.
 */
final class PermitRelease implements AsyncListener {

    private final Bulkhead.Permit permit;
    private final AtomicBoolean released = new AtomicBoolean();

    PermitRelease(Bulkhead.Permit permit) {
        this.permit = permit;
    }

    @Override
    public void onComplete(AsyncEvent event) {
        if (released.compareAndSet(false, true)) {
            permit.release();
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // onComplete follows: the container completes a timed-out request once its handlers are done
    }

    @Override
    public void onError(AsyncEvent event) {
        // onComplete follows: the container completes a failed request once its handlers are done
    }

    /** A new async cycle on the request drops earlier listeners (Servlet spec), so this one registers again. */
    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this);
    }
}
