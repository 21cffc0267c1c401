package io.vpcportal.audit;

import java.util.List;

/** One page of audit rows, newest first; {@code nextCursor} is null on the last page. */
public record AuditPage(List<AuditEntry> items, String nextCursor) {
}
