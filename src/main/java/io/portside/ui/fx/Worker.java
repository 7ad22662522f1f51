package io.portside.ui.fx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** Named single-thread executors: each does one kind of I/O in order, never on the FX thread. */
public final class Worker {
    private Worker() {
    }

    public static ExecutorService single(String name) {
        ThreadFactory f = r -> {
            Thread t = new Thread(r, "portside-" + name);
            t.setDaemon(true);
            return t;
        };
        return Executors.newSingleThreadExecutor(f);
    }
}
