package io.portside.ui.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.DataMode;
import io.portside.ftp.ExtendedMode;
import io.portside.ui.fx.FxBatcher;
import io.portside.ui.queue.TransferRequest.Direction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Sections, totals, stable rows and "done" notices, without a window or a server. */
class QueueViewModelTest {
    /** A queue the test drives by hand: it only reports what the test says happened. */
    static final class ScriptedQueue implements TransferQueue {
        Consumer<JobSnapshot> listener;

        @Override
        public long submit(TransferRequest request) {
            return 0;
        }

        @Override
        public void pause(long id) {
        }

        @Override
        public void resume(long id) {
        }

        @Override
        public void cancel(long id) {
        }

        @Override
        public void retry(long id) {
        }

        @Override
        public void remove(long id) {
        }

        @Override
        public void onChange(Consumer<JobSnapshot> l) {
            listener = l;
        }

        @Override
        public void onConflict(ConflictResolver resolver) {
        }

        @Override
        public void setMode(DataMode mode, ExtendedMode extended) {
        }

        @Override
        public void close() {
        }

        void report(long id, JobState state, long done, double rate) {
            TransferRequest r = new TransferRequest(Direction.UPLOAD, Path.of("/tmp/f" + id), "/f" + id, false, 1000);
            listener.accept(new JobSnapshot(id, r, 1000, done, rate, state, state == JobState.FAILED ? "refused" : null));
        }
    }

    @Test
    void sectionsTotalsAndStableRows() {
        ScriptedQueue q = new ScriptedQueue();
        QueueViewModel m = new QueueViewModel(q, new FxBatcher(Runnable::run));
        List<Long> done = new ArrayList<>();
        m.onDone(j -> done.add(j.id()));

        q.report(1, JobState.RUNNING, 100, 2000);
        q.report(2, JobState.QUEUED, 0, 0);
        q.report(3, JobState.FAILED, 0, 0);
        q.report(4, JobState.DONE, 1000, 0); // first seen already done
        assertEquals(List.of(4L), done);
        assertEquals(1, m.running().get());
        assertEquals(1, m.waiting().get());
        assertEquals(1, m.failedCount().get());
        assertEquals(2000, m.totalRate().get());
        assertEquals(2, m.shown().size(), "active section: running and queued");

        JobRow row = m.shown().get(0);
        q.report(1, JobState.RUNNING, 600, 4000);
        assertSame(row, m.shown().get(0), "progress updates keep the row (and the user's selection)");
        assertEquals(600, row.snapshot().done());
        assertEquals(1, QueueViewModel.etaSeconds(row.snapshot()), "400 bytes left at 4000 B/s");

        q.report(1, JobState.DONE, 1000, 0);
        assertEquals(List.of(4L, 1L), done);
        assertEquals(1, m.shown().size());
        m.section().set(QueueViewModel.Section.DONE);
        assertEquals(2, m.shown().size());
        m.section().set(QueueViewModel.Section.FAILED);
        assertEquals("refused", m.shown().get(0).snapshot().error());

        q.report(3, JobState.REMOVED, 0, 0);
        assertTrue(m.shown().isEmpty());
        assertEquals(3, m.rows().size());
    }
}
