package io.vpcportal.inventory.web;

import io.vpcportal.inventory.EndpointFilter;

/** The list's filters as query parameters, the same for the page, the CSV export and the API. */
record InventoryQuery(String account, String region, String vpc, String service, String type, String state,
        Boolean managed, Boolean drift, Boolean includeGone, String sort, String direction) {

    EndpointFilter filter() {
        return new EndpointFilter(account, region, vpc, service, type, state, managed, drift,
                Boolean.TRUE.equals(includeGone), sort, "desc".equalsIgnoreCase(direction));
    }
}
