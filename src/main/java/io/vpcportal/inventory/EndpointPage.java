package io.vpcportal.inventory;

import java.util.List;

/** One page of the inventory; {@code nextCursor} is null on the last page. */
public record EndpointPage(List<EndpointSummary> items, String nextCursor) {
}
