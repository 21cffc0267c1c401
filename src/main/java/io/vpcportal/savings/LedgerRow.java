package io.vpcportal.savings;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One ledger row: a resource's day, measured and priced. Amounts are exact USD. */
public record LedgerRow(LocalDate day, String resourceId, LedgerKind kind, String team, String accountId,
        String region, String vpcId, String service, int enis, long bytes, BigDecimal endpointCost,
        BigDecimal avoidedNatCost, BigDecimal netSaving, BigDecimal natCost) {
}
