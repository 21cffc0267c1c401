/**
 * What exists in AWS now, across every registered account and allowed region: VPC endpoints, VPCs, subnets,
 * route tables, security groups and NAT gateways, synchronised on a schedule and on demand (one run at a time
 * across portal instances, split into units of one account and region that every instance takes a bounded number
 * at a time; the savings module's traffic collection runs on the same units through {@link
 * io.vpcportal.inventory.UnitWork}; bulk upserts that write only what changed, a run history with counts and errors).
 * Endpoints link to their requests through the portal's tags; others are unmanaged and can be adopted. Managed
 * endpoints are compared with what was approved (drift), and VPCs paying NAT charges for traffic a free
 * gateway endpoint would carry are pointed out (coverage). Only {@code aws} imports the SDK, with clients, role
 * credentials and the call rate of the {@link io.vpcportal.aws} module.
 */
package io.vpcportal.inventory;
