package io.vpcportal.platform.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the portal is killed hard, its embedded PostgreSQL keeps running and holds the data directory;
 * the next start would fail on {@code postmaster.pid}. This stops such an orphan first.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private OrphanedPostmaster() {
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty() : parse(lines.get(0))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(OrphanedPostmaster::isPostgres);
        if (process.isEmpty()) {
            log.warn("Removing stale {} left by an earlier crash", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle postmaster = process.get();
        log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier portal process", postmaster.pid(), dataDir);
        postmaster.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown finishes cleanly
        Instant deadline = Instant.now().plus(STOP_WAIT);
        while (postmaster.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while stopping the orphaned PostgreSQL", e);
            }
        }
        if (postmaster.isAlive()) {
            postmaster.destroyForcibly();
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> parse(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle handle) {
        return handle.info().command().map(c -> c.contains("postgres")).orElse(true);
    }
}
