package io.vpcportal.notification.internal;

import io.vpcportal.notification.NotificationProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The claim-and-send loop of the mail and webhook dispatchers. A claim is one short statement (the caller's, with
 * the parameters {@code :now}, {@code :leaseUntil} and {@code :batch}) that selects due rows {@code FOR UPDATE SKIP
 * LOCKED}, counts the attempt and moves the row's next attempt past a lease: several portal instances can poll at
 * once without two of them taking the same row, and a row an instance died sending is taken up again after the
 * lease. Sending runs outside any transaction; each outcome is recorded in a short transaction of its own.
 */
@Component
class DeliveryClaims {

    /** Rows claimed by one statement; a full batch means more may be due at once. */
    static final int BATCH = 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final NotificationProperties settings;
    private final Clock clock;

    DeliveryClaims(JdbcClient jdbc, PlatformTransactionManager transactions, NotificationProperties settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Claims and sends batches until fewer than a full batch were due. A failing batch is logged and left to the
     * next poll: a poll that throws would cancel its schedule.
     *
     * @param send sends the claimed rows and records their outcomes, see {@link #record}
     */
    <T> void drain(String what, String claim, RowMapper<T> row, Function<List<T>, Integer> send, Logger log) {
        try {
            int sent;
            do {
                sent = send.apply(claim(claim, row));
            } while (sent == BATCH);
        } catch (RuntimeException e) {
            log.warn("{} dispatch failed; retrying at the next poll", what, e);
        }
    }

    /** One batch of due rows, claimed in one statement. */
    <T> List<T> claim(String claim, RowMapper<T> row) {
        Instant now = clock.instant();
        return tx.execute(status -> jdbc.sql(claim)
                .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .param("leaseUntil", OffsetDateTime.ofInstant(now.plus(settings.lease()), ZoneOffset.UTC))
                .param("batch", BATCH)
                .query(row)
                .list());
    }

    /** Runs {@code outcome} (the update of one row with its attempt's outcome) in a transaction of its own. */
    void record(Runnable outcome) {
        tx.executeWithoutResult(status -> outcome.run());
    }

    Instant now() {
        return clock.instant();
    }
}
