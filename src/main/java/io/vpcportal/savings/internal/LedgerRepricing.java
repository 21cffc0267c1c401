package io.vpcportal.savings.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.vpcportal.savings.PriceDetails;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pricing the ledger again after the shipped price snapshot changed, as a durable task rather than at start-up: a
 * snapshot with new NAT gateway or endpoint prices reprices every ledger day from the price's first day in its
 * region, which takes minutes on millions of rows, and the portal must answer its health check meanwhile. The prices
 * and the task are written together (the task first), so a portal stopped half-way reprices on the next start or on
 * another instance; one instance runs each task, and repricing twice gives the same rows (it computes them again from
 * the prices, and takes the ledger's lock).
 */
@Component
public class LedgerRepricing {

    static final String TASK = "ledger-reprice";

    private final PriceCatalog catalog;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Void> task;
    private final Clock clock;

    LedgerRepricing(PriceCatalog catalog, @Lazy SchedulerClient scheduler, OneTimeTask<Void> ledgerRepriceTask,
            Clock clock) {
        this.catalog = catalog;
        this.scheduler = scheduler;
        this.task = ledgerRepriceTask;
        this.clock = clock;
    }

    /**
     * Stores {@code prices} without replacing any already there, and schedules the ledger's repricing in each region
     * where one the ledger is priced with was added, from its first day.
     *
     * @return the prices added
     */
    @Transactional
    public List<PriceDetails> storeThenReprice(List<PriceDetails> prices) {
        List<PriceDetails> added = catalog.store(prices, false);
        // one task per region and change: a later change while one runs gets its own run
        Ledger.repricedBy(added).forEach((region, day) -> scheduler.schedule(task.instance(region + "@" + day + "@" + UUID.randomUUID()),
                clock.instant()));
        return added;
    }

    @Configuration(proxyBeanMethods = false)
    static class TaskConfiguration {

        @Bean
        OneTimeTask<Void> ledgerRepriceTask(@Lazy Ledger ledger) {
            return Tasks.oneTime(TASK).execute((instance, context) -> {
                String[] regionAndDay = instance.getId().split("@");
                ledger.reprice(regionAndDay[0], LocalDate.parse(regionAndDay[1]));
            });
        }
    }
}
