package io.vpcportal.notification.internal;

import io.vpcportal.approval.WaitingStages;
import io.vpcportal.approval.WaitingStages.WaitingStage;
import io.vpcportal.notification.MailKind;
import io.vpcportal.request.EndpointRequestId;
import io.vpcportal.request.RequestQueries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One reminder per approval stage that waits longer than the SLA. The stage is recorded in
 * {@code mail_sla_reminder} in the same transaction as its mails: a stage already there (reminded before, or by
 * another instance at the same moment) is skipped, so a stage is reminded once however often this runs.
 */
@Component
class SlaReminders {

    private final WaitingStages waiting;
    private final RequestQueries requests;
    private final MailOutbox outbox;
    private final MailTexts texts;
    private final MailServer server;
    private final JdbcClient jdbc;
    private final Clock clock;

    SlaReminders(WaitingStages waiting, RequestQueries requests, MailOutbox outbox, MailTexts texts,
            MailServer server, JdbcClient jdbc, Clock clock) {
        this.waiting = waiting;
        this.requests = requests;
        this.outbox = outbox;
        this.texts = texts;
        this.server = server;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Writes the reminders due now; answers how many stages were reminded. */
    @Transactional
    public int remindOverdue() {
        if (!server.configured()) {
            return 0;
        }
        Instant now = clock.instant();
        Duration sla = waiting.sla();
        int reminded = 0;
        for (WaitingStage stage : waiting.overSla(now)) {
            int claimed = jdbc.sql("""
                    insert into mail_sla_reminder (request_id, round, stage, sent_at)
                    values (:request, :round, :stage, :now) on conflict do nothing""")
                    .param("request", stage.requestId()).param("round", stage.round()).param("stage", stage.stage())
                    .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
            if (claimed == 0) {
                continue;
            }
            reminded++;
            Duration waited = Duration.between(stage.since(), now);
            requests.find(new EndpointRequestId(stage.requestId())).ifPresent(r -> outbox.toApprovers(
                    MailKind.SLA_REMINDER, r, stage.approverTeam(),
                    to -> texts.slaReminder(to, r, stage.stage(), stage.approverTeam(), sla, waited)));
        }
        return reminded;
    }
}
