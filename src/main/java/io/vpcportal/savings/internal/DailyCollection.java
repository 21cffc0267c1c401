package io.vpcportal.savings.internal;

import io.vpcportal.platform.ConflictException;
import io.vpcportal.savings.SavingsManagement;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Collects yesterday (UTC) once a day, when the portal calls AWS. CloudWatch's daily sums of a day are complete a few
 * minutes after midnight, flow-log files within about ten minutes; the default 03:30 UTC leaves room for both. A
 * day collected twice (here and on demand) gives the same ledger. The collection is a run of units that every
 * instance works on; the instances that fire after the first one find it running and leave it to the units.
 */
@Component
class DailyCollection {

    private static final Logger log = LoggerFactory.getLogger(DailyCollection.class);

    private final SavingsManagement savings;

    DailyCollection(SavingsManagement savings) {
        this.savings = savings;
    }

    @Scheduled(cron = "${portal.savings.collect-cron:0 30 3 * * *}", zone = "UTC")
    void yesterday() {
        if (!savings.collects()) {
            return;
        }
        var day = savings.today().minusDays(1);
        try {
            collect(day);
        } catch (ConflictException running) {
            // every instance fires at the same time: the first one's run has the units, this one helps with them
            log.info("Savings collection of {} already running on another instance: {}", day, running.getMessage());
        }
    }

    private void collect(LocalDate day) {
        savings.collect(day, day, "SCHEDULE", "portal").forEach(c -> log.info("Savings collection of {}: {} rows for accounts {}{}", c.day(),
                c.rows(), c.accounts(), c.failures().isEmpty() ? "" : ", failed: " + c.failures()));
    }
}
