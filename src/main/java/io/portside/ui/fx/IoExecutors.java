package io.portside.ui.fx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Named single-thread executors: each does one kind of I/O in order, never on the FX thread. */
public final class IoExecutors {
    /**
     * Work handed to a worker after the window closed it (a late callback, a timer) is dropped:
     * there is nothing left to list or save it for, and an exception thrown on the FX thread
     * would only confuse. A dropped {@code submit} is cancelled, so no caller waits forever.
     */
    private static final RejectedExecutionHandler DROP_AFTER_CLOSE = (task, pool) -> {
        if (task instanceof Future<?> f) {
            f.cancel(false);
        }
    };

    private IoExecutors() {
    }

    public static ExecutorService single(String name) {
        ThreadFactory f = r -> {
            Thread t = new Thread(r, "portside-" + name);
            t.setDaemon(true);
            return t;
        };
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), f, DROP_AFTER_CLOSE);
    }
}
