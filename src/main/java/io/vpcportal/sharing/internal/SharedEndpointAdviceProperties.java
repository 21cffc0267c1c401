package io.vpcportal.sharing.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the shared endpoint advisor.
 *
 * @param measuredDays           days of measured traffic (ending yesterday) the advice scales to a month
 * @param billableQueriesPerZone Route 53 queries per month and hub zone that are billed. Queries of alias records
 *                               that point to a VPC interface endpoint are free, so 0 by default; set it when the
 *                               zones answer with CNAME records instead
 */
@ConfigurationProperties("portal.sharing.advice")
public record SharedEndpointAdviceProperties(Integer measuredDays, Long billableQueriesPerZone) {

    public SharedEndpointAdviceProperties {
        measuredDays = measuredDays == null ? 30 : measuredDays;
        billableQueriesPerZone = billableQueriesPerZone == null ? 0L : billableQueriesPerZone;
        if (measuredDays < 1 || measuredDays > 366) {
            throw new IllegalArgumentException("portal.sharing.advice.measured-days must be from 1 to 366");
        }
        if (billableQueriesPerZone < 0) {
            throw new IllegalArgumentException("portal.sharing.advice.billable-queries-per-zone must not be negative");
        }
    }
}
