package io.vpcportal.sharing;

/** A spoke VPC a hub's private hosted zones are associated with, reached over the hub's Transit Gateway. */
public record HubSpoke(String accountId, String vpcId, String region) {
}
