package io.portside.ui.queue;

import io.portside.ftp.DataMode;
import io.portside.ftp.ExtendedMode;
import java.util.function.Consumer;

/**
 * The one seam between the window and whatever runs transfers. Today {@link SimpleTransferQueue}
 * implements it; when the {@code io.portside.transfer} queue lands, an adapter over it replaces
 * that class here and nothing else in the UI changes.
 */
public interface TransferQueue extends AutoCloseable {

    /** Adds a job; returns its id. */
    long submit(TransferRequest request);

    void pause(long id);

    void resume(long id);

    void cancel(long id);

    void retry(long id);

    void remove(long id);

    /** Receives every job change (throttled for progress), on a worker thread. */
    void onChange(Consumer<JobSnapshot> listener);

    /** Asked (on a worker thread, which waits) what to do when a target exists. */
    void onConflict(ConflictResolver resolver);

    /** Applies a mode change to running sessions too (used from their next data connection). */
    void setMode(DataMode mode, ExtendedMode extended);

    /** Stops everything and closes the queue's connections (on disconnect). */
    @Override
    void close();
}
