package io.vpcportal.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Provisioning jobs that stopped without finishing: FAILED (an admin may retry them) or NEEDS_OPERATOR (the job
 * found something only a person can settle). The admin's start page counts and links them.
 */
@Component
public class FailedJobs {

    private final JdbcClient jdbc;

    FailedJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many jobs are FAILED or NEEDS_OPERATOR, and the latest {@code limit} of them, newest first. */
    public Summary latest(int limit) {
        long count = jdbc.sql("select count(*) from provisioning_job where status in ('FAILED', 'NEEDS_OPERATOR')")
                .query(Long.class).single();
        List<FailedJob> jobs = count == 0 ? List.of() : jdbc.sql("""
                select request_id, status, last_error, updated_at from provisioning_job
                where status in ('FAILED', 'NEEDS_OPERATOR') order by updated_at desc, request_id limit :limit""")
                .param("limit", limit)
                .query((rs, row) -> new FailedJob(rs.getObject("request_id", UUID.class), rs.getString("status"),
                        rs.getString("last_error"), rs.getTimestamp("updated_at").toInstant()))
                .list();
        return new Summary(count, jobs);
    }

    /** The count of stopped jobs and the latest of them. */
    public record Summary(long count, List<FailedJob> latest) {
    }

    /** One stopped job: its request, FAILED or NEEDS_OPERATOR, the last error and when it stopped. */
    public record FailedJob(UUID requestId, String status, String lastError, Instant at) {
    }
}
