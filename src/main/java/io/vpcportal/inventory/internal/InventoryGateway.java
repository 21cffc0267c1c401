package io.vpcportal.inventory.internal;

import io.vpcportal.inventory.PrivateHostedZone;
import io.vpcportal.aws.AwsTarget;
import io.vpcportal.inventory.RegionSnapshot;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads everything the inventory keeps for one account and region, and an account's private hosted zones.
 * Implemented with the AWS SDK in {@code aws}; any failure (role refused, access denied, throttled beyond
 * retries) is {@link InventoryReadFailed}.
 */
public interface InventoryGateway {

    /** Everything in the target's account and region; adds each HTTP attempt it makes to {@code calls}. */
    RegionSnapshot snapshot(AwsTarget target, AtomicInteger calls);

    /**
     * The account's Route 53 private hosted zones with their VPCs (Route 53 is global: once per account); adds each
     * HTTP attempt it makes to {@code calls}.
     */
    List<PrivateHostedZone> privateZones(AwsTarget target, AtomicInteger calls);
}
