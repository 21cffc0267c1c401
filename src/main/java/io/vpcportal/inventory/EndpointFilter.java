package io.vpcportal.inventory;

/**
 * Filters and order of the inventory list; null or blank means "any".
 *
 * @param sort      {@code id}, {@code service}, {@code vpc}, {@code account}, {@code state} or {@code updated}
 * @param descending order from the highest value
 * @param includeGone also list endpoints that no longer exist
 */
public record EndpointFilter(String account, String region, String vpc, String service, String type, String state,
        Boolean managed, Boolean drift, boolean includeGone, String sort, boolean descending) {

    public static EndpointFilter all() {
        return new EndpointFilter(null, null, null, null, null, null, null, null, false, null, false);
    }
}
