/**
 * Architecture diagrams of VPCs drawn from the inventory: availability zones, public and private subnets, route
 * tables, the internet gateway, NAT gateways, gateway endpoints on their route tables, interface endpoints as ENIs
 * in their subnets, and the AWS services reached, with each service's traffic path drawn by how it flows (through
 * an endpoint, or through NAT and the internet) and, where the savings module measured or estimated it, its monthly
 * GB and dollars. Planned endpoints ({@link io.vpcportal.diagram.PlannedEndpoints}: a stored request, or the request
 * form before it is saved) can be overlaid to show the VPC before and after them. One deterministic grid layout
 * feeds the SVG and PNG renderers; Mermaid and draw.io exports are written from the same model for teams' own
 * documentation. Paths through another VPC (a spoke reaching a service through a hub VPC over a Transit Gateway, a hub
 * serving spokes) come from other modules through the extension point {@link io.vpcportal.diagram.SharedPaths}.
 */
package io.vpcportal.diagram;
