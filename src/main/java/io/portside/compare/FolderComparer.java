package io.portside.compare;

import io.portside.files.FileEntry;
import io.portside.files.FileSystemView;
import io.portside.files.SafeLocalName;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a local folder with a remote one on the engine's listing path: one
 * {@link FileSystemView#list} per folder and side, and an MDTM ({@link FileSystemView#modified})
 * only for a pair of files of the same size whose listed time is too coarse to decide between
 * same and newer (a LIST time to the minute or the day). Files of different sizes keep the
 * listed times: their state does not depend on them, and their {@link EntryComparison#time()}
 * may then be AMBIGUOUS. Runs on the caller's thread, which it blocks while listing: a window runs it on an I/O
 * thread. A remote name that could not be a local file name is left out, and said in the log.
 */
public final class FolderComparer {
    private final FileSystemView local;
    private final FileSystemView remote;
    private final ComparisonSettings settings;
    private int lookups;

    /** @param remote the server's side (or, in tests, any second view) */
    public FolderComparer(FileSystemView local, FileSystemView remote, ComparisonSettings settings) {
        this.local = local;
        this.remote = remote;
        this.settings = settings;
    }

    /**
     * @param localDir  the local folder, or null when it does not exist (all is then "only remote")
     * @param remoteDir the remote folder, or null when it does not exist
     */
    public ComparisonResult compare(String localDir, String remoteDir) throws IOException {
        lookups = 0;
        List<EntryComparison> out = new ArrayList<>();
        walk("", localDir, remoteDir, out);
        return new ComparisonResult(out, localDir == null, remoteDir == null, lookups);
    }

    /**
     * Compares two listings a caller has already (the window's panes), one level whatever the
     * settings say: no listing is asked for, only an MDTM where a listed time is too coarse.
     */
    public ComparisonResult compareListed(String localDir, List<FileEntry> localEntries,
                                          List<FileEntry> remoteEntries) throws IOException {
        lookups = 0;
        List<EntryComparison> out = new ArrayList<>();
        level("", byName(localEntries), safe(remoteEntries, localDir), out, false);
        return new ComparisonResult(out, false, false, lookups);
    }

    private void walk(String rel, String localDir, String remoteDir, List<EntryComparison> out) throws IOException {
        Map<String, FileEntry> mine = localDir == null ? Map.of() : byName(local.list(localDir));
        Map<String, FileEntry> theirs = remoteDir == null ? Map.of() : safe(remote.list(remoteDir), localDir);
        level(rel, mine, theirs, out, settings.recursive());
    }

    private void level(String rel, Map<String, FileEntry> mine, Map<String, FileEntry> theirs,
                       List<EntryComparison> out, boolean recursive) throws IOException {
        TreeSet<String> names = new TreeSet<>(mine.keySet());
        names.addAll(theirs.keySet());
        for (String name : names) {
            String path = rel.isEmpty() ? name : rel + "/" + name;
            FileEntry l = mine.get(name);
            FileEntry r = theirs.get(name);
            // left out when the filter refuses it on either side (a size limit must not make an "only")
            if (l != null && !settings.filter().accepts(path, l) || r != null && !settings.filter().accepts(path, r)) {
                continue;
            }
            EntryComparison entry = decide(path, l, r);
            out.add(entry);
            if (recursive && entry.folder()) {
                walk(path, l == null ? null : l.path(), r == null ? null : r.path(), out);
            }
        }
    }

    private EntryComparison decide(String path, FileEntry l, FileEntry r) throws IOException {
        if (l == null) {
            return new EntryComparison(path, null, r, EntryState.ONLY_REMOTE, TimeOrder.UNKNOWN);
        }
        if (r == null) {
            return new EntryComparison(path, l, null, EntryState.ONLY_LOCAL, TimeOrder.UNKNOWN);
        }
        if (l.directory() != r.directory()) {
            return new EntryComparison(path, l, r, EntryState.TYPE_CLASH, TimeOrder.UNKNOWN);
        }
        if (l.directory()) {
            return new EntryComparison(path, l, r, EntryState.SAME, TimeOrder.UNKNOWN);
        }
        boolean sizeDiffers = new EntryComparison(path, l, r, EntryState.SAME, TimeOrder.UNKNOWN).sizeDiffers();
        TimeOrder time = settings.time().order(l, r);
        // the state depends on the time only when the sizes agree: only then is a coarse time worth an MDTM
        if (!sizeDiffers && (time == TimeOrder.AMBIGUOUS || time == TimeOrder.UNKNOWN && r.modified() == null)) {
            lookups++;
            Instant exact = remote.modified(r.path());
            if (exact != null) {
                r = new FileEntry(r.name(), r.path(), false, r.size(), exact, r.link(), r.permissions(), r.owner(),
                        ChronoUnit.SECONDS);
                time = settings.time().order(l, r);
            }
        }
        EntryState state = sizeDiffers ? EntryState.DIFFERENT_SIZE
                : time == TimeOrder.LOCAL_NEWER ? EntryState.LOCAL_NEWER
                : time == TimeOrder.REMOTE_NEWER ? EntryState.REMOTE_NEWER
                : EntryState.SAME;
        return new EntryComparison(path, l, r, state, time);
    }

    private static Map<String, FileEntry> byName(List<FileEntry> entries) {
        Map<String, FileEntry> m = new TreeMap<>();
        for (FileEntry e : entries) {
            m.put(e.name(), e);
        }
        return m;
    }

    /** The remote entries whose names may become local names in {@code localDir} (see {@link SafeLocalName}). */
    private Map<String, FileEntry> safe(List<FileEntry> entries, String localDir) {
        Map<String, FileEntry> m = new TreeMap<>();
        for (FileEntry e : entries) {
            // a folder not made yet has no links in it: only the name's own rules apply
            SafeLocalName.Decision d = localDir == null && SafeLocalName.isSafe(e.name()) ? null
                    : SafeLocalName.resolve(Path.of(localDir == null ? "." : localDir), e.name());
            if (d == null || d.accepted()) {
                m.put(e.name(), e);
            } else {
                remote.report(d::skippedNotice);
            }
        }
        return m;
    }
}
