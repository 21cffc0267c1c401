package io.vpcportal.savings.web;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** Body of {@code POST /api/v1/savings/collect}: the days to collect again (inclusive). */
record CollectPayload(@NotNull LocalDate from, @NotNull LocalDate to) {
}
