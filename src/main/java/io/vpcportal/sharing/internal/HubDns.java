package io.vpcportal.sharing.internal;

import io.vpcportal.aws.AwsTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The EC2 reads and Route 53 calls a hub needs. Implemented with the AWS SDK in {@code sharing.aws}; failures are
 * {@link io.vpcportal.aws.AwsCallFailed}. Route 53 is global: a target's region only says where the VPC is.
 */
public interface HubDns {

    /** The VPC's DNS attributes; empty when the VPC does not exist in the target's account and region. */
    Optional<DnsAttributes> dnsAttributes(AwsTarget target, String vpcId);

    /** The Transit Gateways the VPC's route tables send traffic to. */
    Set<String> transitGateways(AwsTarget target, String vpcId);

    /** The private DNS name EC2 gives the service (such as {@code ssm.eu-west-1.amazonaws.com}); empty if none. */
    Optional<String> servicePrivateDnsName(AwsTarget target, String serviceName);

    /** The VPC's own endpoints for the service with private DNS on (not deleted). */
    List<String> privateDnsEndpoints(AwsTarget target, String vpcId, String serviceName);

    /** The endpoint's regional DNS name and the hosted zone id alias records point at. */
    Alias endpointAlias(AwsTarget target, String endpointId);

    /** The private hosted zones associated with the VPC, whoever owns them. */
    List<Zone> zonesOf(AwsTarget target, String vpcId);

    /** Creates a private hosted zone associated with {@code vpcId}; {@code callerReference} makes a resend harmless. */
    String createZone(AwsTarget target, String name, String vpcId, String callerReference, String comment);

    /** Creates or updates the zone's alias A records for its apex and {@code *.} its apex. */
    void upsertAliases(AwsTarget target, String zoneId, String name, Alias alias);

    /** The alias A records of the zone: record name to alias DNS name. */
    Map<String, String> aliases(AwsTarget target, String zoneId);

    /** The VPCs the zone is associated with; empty when the zone is gone. */
    Optional<List<String>> associatedVpcs(AwsTarget target, String zoneId);

    /** In the zone owner's account: allows the VPC of another account to be associated. */
    void authorize(AwsTarget zoneOwner, String zoneId, String vpcId);

    /** From the VPC owner's account: associates the VPC with the zone. An existing association counts as done. */
    void associate(AwsTarget vpcOwner, String zoneId, String vpcId);

    /** Removes an association (an unknown one counts as removed). */
    void disassociate(AwsTarget caller, String zoneId, String vpcId);

    /** Withdraws an authorization (an unknown one counts as withdrawn). */
    void deleteAuthorization(AwsTarget zoneOwner, String zoneId, String vpcId);

    /** Deletes the zone's alias records, then the zone (a zone already gone counts as deleted). */
    void deleteZone(AwsTarget zoneOwner, String zoneId);

    record DnsAttributes(boolean support, boolean hostnames) {
    }

    record Alias(String dnsName, String hostedZoneId) {
    }

    /** @param name lower case, without the trailing dot */
    record Zone(String id, String name) {
    }
}
