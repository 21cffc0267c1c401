/**
 * Shared interface endpoints: where one hub VPC's interface endpoints, reached over a Transit Gateway through
 * Route 53 private hosted zones associated with the spoke VPCs, cost less than an endpoint in every VPC. The
 * advisor prices both from the inventory, the measured traffic and the price catalog; a shared endpoint request
 * builds the hub's endpoint, its zones and their associations through approval. An active hub changes the spokes'
 * coverage (inventory's {@code CoverageAdvisor}) and diagrams (diagram's {@code SharedPaths}), and the advice says how
 * each spoke's own endpoint is retired (a decommission of its owner). Only {@code aws} talks to AWS.
 */
package io.vpcportal.sharing;
