package io.vpcportal.inventory;

import io.vpcportal.provisioning.AwsTarget;

/**
 * Reads everything the inventory keeps for one account and region. Implemented with the AWS SDK in
 * {@code aws}; any failure (role refused, access denied, throttled beyond retries) is {@link InventoryReadFailed}.
 */
public interface InventoryGateway {

    RegionSnapshot snapshot(AwsTarget target);
}
