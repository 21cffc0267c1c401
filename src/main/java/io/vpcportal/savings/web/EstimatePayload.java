package io.vpcportal.savings.web;

import io.vpcportal.catalog.EndpointType;
import io.vpcportal.platform.GigabytesAMonth;
import io.vpcportal.savings.EstimateInput;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of {@code POST /api/v1/estimates}.
 *
 * @param monthlyGb     GB through the endpoint in the period (a 730-hour month unless from/to are given); leave it
 *                      out to get the fixed cost and the break-even volume without a saving
 * @param from          first day of the period; with {@code to} (inclusive) the hours are days x 24
 * @param serviceRegion the service's region for a cross-region interface endpoint (Datadog in us-east-1 used from
 *                      eu-west-3, say): its data also pays the inter-region transfer
 */
record EstimatePayload(@NotBlank String region, @NotNull EndpointType endpointType, @Min(0) @Max(64) Integer enis,
        @GigabytesAMonth BigDecimal monthlyGb, Boolean natGatewayRemoved, LocalDate from, LocalDate to,
        @Size(max = 40) String serviceRegion) {

    EstimateInput toInput() {
        return new EstimateInput(region.strip(), endpointType, enis == null ? 0 : enis, monthlyGb,
                Boolean.TRUE.equals(natGatewayRemoved), from, to,
                serviceRegion == null || serviceRegion.isBlank() ? null : serviceRegion.strip());
    }
}
