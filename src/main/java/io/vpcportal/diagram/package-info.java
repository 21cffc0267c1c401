/**
 * Architecture diagrams of VPCs drawn from the inventory: availability zones, public and private subnets, route
 * tables, the internet gateway, NAT gateways, gateway endpoints on their route tables, interface endpoints as ENIs
 * in their subnets, and the AWS services reached, with each service's traffic path drawn by how it flows (through
 * an endpoint, or through NAT and the internet). A request can be overlaid to show its VPC before and after it is
 * provisioned. One deterministic grid layout feeds the SVG and PNG renderers; Mermaid and draw.io exports are
 * written from the same model for teams' own documentation.
 */
package io.vpcportal.diagram;
