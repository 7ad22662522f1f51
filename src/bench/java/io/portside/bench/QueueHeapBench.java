package io.portside.bench;

import io.portside.ftp.FtpException;
import io.portside.ftp.Protocol;
import io.portside.ftp.Site;
import io.portside.transfer.QueueSettings;
import io.portside.transfer.TransferJob;
import io.portside.transfer.TransferQueue;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark, not a test: the heap that N queued (not started) download jobs cost. Prints the
 * live heap after a full GC with the jobs queued, minus the same before, and the peak the heap
 * pools reached. Run by src/bench/run-benchmarks.sh against target/portside.jar:
 * {@code java -Xmx300m -cp target/portside.jar:target/bench-classes io.portside.bench.QueueHeapBench 100000}.
 */
public final class QueueHeapBench {
    private QueueHeapBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Site site = new Site(Protocol.FTP, "127.0.0.1", 2131, "portside-bench", "secret");
        long before = liveHeap();
        // never started, so the factory is never asked for a connection
        TransferQueue queue = new TransferQueue(QueueSettings.defaults(), (s, owner) -> {
            throw new FtpException("the benchmark queue does not connect");
        });
        // added in batches of 1,000, like folder listings expanding into jobs; distinct paths like real ones
        for (int start = 0; start < n; start += 1000) {
            List<TransferJob> batch = new ArrayList<>(1000);
            for (int i = start; i < Math.min(n, start + 1000); i++) {
                String name = String.format(Locale.ROOT, "dir%03d/file-%06d.dat", i / 1000, i);
                batch.add(new TransferJob(io.portside.transfer.Direction.DOWNLOAD, false, site, "data/" + name,
                        "/var/tmp/portside-bench/client/" + name, null, 10_240, null));
            }
            queue.addAll(batch);
        }
        long after = liveHeap();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        int queued = queue.totals().queued();
        System.out.printf(Locale.ROOT, "queued=%d live_mb=%.1f per_job_bytes=%.0f peak_mb=%.1f max_heap_mb=%.0f%n",
                queued, (after - before) / 1048576.0, (after - before) / (double) queued, peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
        Reference.reachabilityFence(queue);
        queue.close();
    }

    /** Used heap after a full collection (twice: the first may leave finalizable garbage). */
    private static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
