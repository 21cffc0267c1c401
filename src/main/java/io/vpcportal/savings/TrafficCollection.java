package io.vpcportal.savings;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What one day's collection did.
 *
 * @param rows     ledger rows written for the day
 * @param accounts accounts whose day was replaced
 * @param failures accounts and regions whose calls failed (their day was left as it was)
 */
public record TrafficCollection(LocalDate day, int rows, Set<String> accounts, List<String> failures) {
}
