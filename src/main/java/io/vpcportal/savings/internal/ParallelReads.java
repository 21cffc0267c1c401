package io.vpcportal.savings.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs a page's independent ledger reads side by side: the dashboard's overview, groupings and per-resource lists
 * each take tens of milliseconds of PostgreSQL CPU when not yet kept ({@link LedgerReadCache}), and one after the other
 * they added up. One thread per core; when every thread is busy and the short queue is full, a read runs on the
 * caller's thread, so a busy portal falls back to reading in turn instead of queueing pages behind each other.
 */
@Component
public class ParallelReads implements DisposableBean {

    private final ThreadPoolExecutor pool;

    ParallelReads() {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 4),
                task -> {
                    Thread thread = new Thread(task, "savings-read-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        this.pool.allowCoreThreadTimeOut(true);
    }

    /** Starts {@code read} on another thread (or this one when all are busy). */
    public <T> CompletableFuture<T> start(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, pool);
    }

    /** The answer of a started read; its exception as it was thrown. */
    public static <T> T answer(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
