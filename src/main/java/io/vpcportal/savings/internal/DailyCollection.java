package io.vpcportal.savings.internal;

import io.vpcportal.savings.SavingsManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Collects yesterday (UTC) once a day, when the portal calls AWS. CloudWatch's daily sums of a day are complete a few
 * minutes after midnight, flow-log files within about ten minutes; the default 03:30 UTC leaves room for both. A
 * day collected twice (here and on demand) gives the same ledger.
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
        savings.collect(day, day).forEach(c -> log.info("Savings collection of {}: {} rows for accounts {}{}", c.day(),
                c.rows(), c.accounts(), c.failures().isEmpty() ? "" : ", failed: " + c.failures()));
    }
}
