package io.vpcportal.request;

import java.util.List;

/** One page of a request list; {@code nextCursor} is null on the last page. */
public record RequestPage(List<RequestSummary> items, String nextCursor) {
}
