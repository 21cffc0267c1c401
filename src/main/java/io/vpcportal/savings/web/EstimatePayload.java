package io.vpcportal.savings.web;

import io.vpcportal.catalog.EndpointType;
import io.vpcportal.platform.GigabytesAMonth;
import io.vpcportal.savings.EstimateInput;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of {@code POST /api/v1/estimates}.
 *
 * @param monthlyGb GB through the endpoint in the period (a 730-hour month unless from/to are given)
 * @param from      first day of the period; with {@code to} (inclusive) the hours are days x 24
 */
record EstimatePayload(@NotBlank String region, @NotNull EndpointType endpointType, @Min(0) @Max(64) Integer enis,
        @NotNull @GigabytesAMonth BigDecimal monthlyGb, Boolean natGatewayRemoved, LocalDate from, LocalDate to) {

    EstimateInput toInput() {
        return new EstimateInput(region.strip(), endpointType, enis == null ? 0 : enis, monthlyGb,
                Boolean.TRUE.equals(natGatewayRemoved), from, to);
    }
}
