package io.vpcportal.inventory;

import java.math.BigDecimal;

/**
 * Something a VPC should change.
 *
 * @param kind        {@code MISSING_S3_GATEWAY}, {@code MISSING_DYNAMODB_GATEWAY}, {@code DUPLICATE_ENDPOINTS} or
 *                    {@code PRIVATE_DNS_OFF}; advisors of other modules add theirs (savings: {@code IDLE_ENDPOINT},
 *                    {@code BELOW_BREAK_EVEN})
 * @param requestLink the request form prefilled with the template, account, region, VPC and NAT gateway; null
 *                    when there is nothing to request
 * @param monthlySavingUsd what following it would save per month in US dollars (exact), or null when nothing
 *                    is measured or estimated yet
 * @param savingBasis how {@code monthlySavingUsd} was found ("measured NAT traffic, last 30 days", ...), or null
 */
public record Recommendation(String kind, String accountId, String region, String vpcId, String message,
        String templateKey, String requestLink, BigDecimal monthlySavingUsd, String savingBasis) {

    public Recommendation(String kind, String accountId, String region, String vpcId, String message,
            String templateKey, String requestLink) {
        this(kind, accountId, region, vpcId, message, templateKey, requestLink, null, null);
    }

    /** This recommendation with a saving figure. */
    public Recommendation withSaving(BigDecimal usdPerMonth, String basis) {
        return new Recommendation(kind, accountId, region, vpcId, message, templateKey, requestLink, usdPerMonth,
                basis);
    }
}
