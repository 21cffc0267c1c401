package io.vpcportal.savings;

import java.util.SortedSet;

/**
 * What an offer file import did.
 *
 * @param rowsRead    data rows in the file
 * @param pricesFound rows that price something the portal uses
 * @param changed     prices added or corrected in the catalog
 * @param regions     regions the file had prices for
 */
public record PriceImport(String source, int rowsRead, int pricesFound, int changed, SortedSet<String> regions) {
}
