package io.portside.ui.compare;

import io.portside.files.RemotePath;
import io.portside.ui.fx.FxBatcher;
import io.portside.ui.pane.FilePaneViewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * View › Synchronized browsing: while on, a folder opened in one pane opens the folder at the
 * same place, relative to where both panes stood when it was turned on, in the other. A missing
 * counterpart is offered to be made, never made silently; declining turns synchronized browsing
 * off. The pane that follows does not lead back: its listing that lands is the one asked for.
 */
public final class SynchronizedBrowsing {
    /** Asks the user (FX thread) whether to make the missing folder; true to make and open it. */
    @FunctionalInterface
    public interface CreatePrompt {
        boolean create(String folder, boolean remote);
    }

    private final FilePaneViewModel local;
    private final FilePaneViewModel remote;
    private final Executor localWorker;
    private final Executor remoteWorker;
    private final FxBatcher bridge;
    private final CreatePrompt prompt;
    private final Consumer<String> status;
    private final Words words;
    private final BooleanProperty enabled = new SimpleBooleanProperty();
    private Path localBase;
    private RemotePath remoteBase;
    /** The folder each pane was last asked to open by this class (its landing leads nowhere). */
    private String expectLocal;
    private String expectRemote;

    /** The status line's words (from the window's bundle). */
    public interface Words {
        String needsBoth();

        String on(String local, String remote);

        String off(String why);

        String declined(String folder);

        /** @param why the failure, to word in the window's language */
        String failed(String folder, Throwable why);
    }

    public SynchronizedBrowsing(FilePaneViewModel local, FilePaneViewModel remote, Executor localWorker,
                                Executor remoteWorker, FxBatcher bridge, CreatePrompt prompt, Consumer<String> status,
                                Words words) {
        this.local = local;
        this.remote = remote;
        this.localWorker = localWorker;
        this.remoteWorker = remoteWorker;
        this.bridge = bridge;
        this.prompt = prompt;
        this.status = status;
        this.words = words;
        enabled.addListener((o, was, on) -> turned(on));
        local.folder().addListener((o, a, now) -> localMoved(now));
        remote.folder().addListener((o, a, now) -> remoteMoved(now));
    }

    public BooleanProperty enabled() {
        return enabled;
    }

    private void turned(boolean on) {
        expectLocal = expectRemote = null;
        if (!on) {
            return;
        }
        String l = local.folder().get();
        String r = remote.folder().get();
        if (l.isEmpty() || r.isEmpty()) {
            status.accept(words.needsBoth());
            enabled.set(false);
            return;
        }
        localBase = Path.of(l);
        remoteBase = RemotePath.of(r);
        status.accept(words.on(l, r));
    }

    private void localMoved(String now) {
        if (!enabled.get() || now.isEmpty()) {
            if (now.isEmpty() || remote.folder().get().isEmpty()) {
                enabled.set(false); // a pane emptied (disconnected): nothing to follow
            }
            return;
        }
        if (now.equals(expectLocal)) {
            expectLocal = null;
            return;
        }
        RemotePath target = remoteBase;
        for (Path segment : localBase.relativize(Path.of(now))) {
            String s = segment.toString();
            if (s.isEmpty()) {
                continue;
            }
            target = s.equals("..") ? target.parent() : target.child(s);
            if (target == null) {
                off(words.off(now));
                return;
            }
        }
        follow(remote, remoteWorker, target.toString(), true);
    }

    private void remoteMoved(String now) {
        if (!enabled.get() || now.isEmpty()) {
            if (now.isEmpty()) {
                enabled.set(false);
            }
            return;
        }
        if (now.equals(expectRemote)) {
            expectRemote = null;
            return;
        }
        List<String> base = remoteBase.segments();
        List<String> here = RemotePath.of(now).segments();
        int common = 0;
        while (common < base.size() && common < here.size() && base.get(common).equals(here.get(common))) {
            common++;
        }
        Path target = localBase;
        for (int i = common; i < base.size(); i++) {
            target = target.getParent();
            if (target == null) {
                off(words.off(now));
                return;
            }
        }
        for (String s : here.subList(common, here.size())) {
            target = target.resolve(s);
        }
        follow(local, localWorker, target.toString(), false);
    }

    /** Opens {@code folder} in the other pane when it exists; else offers to make it. */
    private void follow(FilePaneViewModel pane, Executor worker, String folder, boolean toRemote) {
        if (folder.equals(pane.folder().get())) {
            return;
        }
        worker.execute(() -> {
            try {
                boolean exists = pane.browser().isFolder(folder);
                bridge.post(() -> {
                    if (!enabled.get()) {
                        return;
                    }
                    if (exists) {
                        open(pane, folder, toRemote);
                    } else if (prompt.create(folder, toRemote)) {
                        make(pane, worker, folder, toRemote);
                    } else {
                        off(words.declined(folder));
                    }
                });
            } catch (IOException | RuntimeException e) {
                bridge.post(() -> off(words.failed(folder, e)));
            }
        });
    }

    private void make(FilePaneViewModel pane, Executor worker, String folder, boolean toRemote) {
        worker.execute(() -> {
            try {
                pane.browser().files(folder).makeFolder(folder, true);
                bridge.post(() -> open(pane, folder, toRemote));
            } catch (IOException | RuntimeException e) {
                bridge.post(() -> off(words.failed(folder, e)));
            }
        });
    }

    private void open(FilePaneViewModel pane, String folder, boolean toRemote) {
        if (toRemote) {
            expectRemote = folder;
        } else {
            expectLocal = folder;
        }
        pane.open(folder);
    }

    private void off(String why) {
        enabled.set(false);
        status.accept(why);
    }
}
