package io.vpcportal.savings;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The bytes one resource moved on one day (UTC), with what the ledger groups it by.
 *
 * @param resourceId the endpoint ({@code vpce-…}), NAT gateway ({@code nat-…}) or, for missed savings,
 *                   {@code <vpc id>/<service>}
 * @param service    the endpoint's service name ({@code com.amazonaws.us-east-1.s3}) or {@code nat-gateway}
 * @param enis       network interfaces of an interface or GWLB endpoint
 */
public record MeasuredDay(LocalDate day, String resourceId, LedgerKind kind, UUID requestId, String team,
        String accountId, String region, String vpcId, String service, int enis, long bytes) {
}
