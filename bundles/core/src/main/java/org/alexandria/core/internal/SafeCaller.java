package org.alexandria.core.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs calls into plugin code with a timeout and an exception barrier: whatever the plugin does, the
 * caller gets a {@link PluginCallException} that names the plugin's bundle, never the plugin's own
 * exception or an endless wait. A plugin thread that does not return keeps running in the background;
 * it cannot be stopped from outside, but it no longer holds up the caller.
 */
public final class SafeCaller implements AutoCloseable {

    private final ExecutorService executor;

    /** @param name prefix of the worker thread names */
    public SafeCaller(String name) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.executor = Executors.newCachedThreadPool(factory);
    }

    /**
     * @param bundle  symbolic name of the bundle whose code runs, for the error message
     * @param what    short description of the call, for the error message
     * @param timeout how long to wait
     * @param call    the call
     * @param <T>     result type
     * @return the call's result
     * @throws PluginCallException when the call throws, times out or the caller is interrupted
     */
    public <T> T call(String bundle, String what, Duration timeout, Callable<T> call) {
        Future<T> future;
        try {
            future = executor.submit(call);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new PluginCallException(bundle + ": " + what + " not run, platform is stopping", e);
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new PluginCallException(bundle + ": " + what + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new PluginCallException(bundle + ": " + what + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new PluginCallException(bundle + ": " + what + " interrupted", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** A guarded call into plugin code failed; the message names the bundle. */
    public static final class PluginCallException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PluginCallException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
