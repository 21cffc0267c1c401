package io.vpcportal.inventory.web;

import io.vpcportal.inventory.EndpointSummary;
import io.vpcportal.platform.web.CsvWriter;
import java.io.Writer;
import java.util.List;

/**
 * Inventory rows as RFC 4180 CSV. Cells a spreadsheet would run as a formula get a leading single quote (tag
 * values and names come from AWS accounts, where anyone may write them).
 */
final class InventoryCsv {

    static final List<String> HEADER = List.of("endpoint_id", "account_id", "region", "vpc_id", "service_name",
            "endpoint_type", "state", "managed", "request_id", "drift", "drift_summary", "stale", "gone_at", "updated_at");

    private final CsvWriter csv;

    InventoryCsv(Writer out) {
        this.csv = new CsvWriter(out);
    }

    void header() {
        line(HEADER);
    }

    void row(EndpointSummary e) {
        line(List.of(e.id(), e.accountId(), e.region(), e.vpcId(), e.serviceName(), e.endpointType(), e.state(),
                String.valueOf(e.managed()), e.requestId() == null ? "" : e.requestId().toString(),
                String.valueOf(e.drift()), e.driftSummary() == null ? "" : e.driftSummary(), String.valueOf(e.stale()),
                e.goneAt() == null ? "" : e.goneAt().toString(), e.updatedAt().toString()));
    }

    private void line(List<String> cells) {
        csv.line(cells);
    }
}
