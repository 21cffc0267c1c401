package io.vpcportal.inventory;

import io.vpcportal.provisioning.AwsTarget;
import java.util.List;

/**
 * Reads everything the inventory keeps for one account and region, and an account's private hosted zones.
 * Implemented with the AWS SDK in {@code aws}; any failure (role refused, access denied, throttled beyond
 * retries) is {@link InventoryReadFailed}.
 */
public interface InventoryGateway {

    RegionSnapshot snapshot(AwsTarget target);

    /** The account's Route 53 private hosted zones with their VPCs (Route 53 is global: once per account). */
    List<PrivateHostedZone> privateZones(AwsTarget target);
}
