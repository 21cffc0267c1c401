package io.vpcportal.provisioning;

import java.util.Map;

/**
 * What EC2 says about the VPC and the ids a request names: ids missing from a map do not exist.
 *
 * @param subnetZones         subnet id to its Availability Zone
 * @param subnetVpcs          subnet id to its VPC
 * @param routeTableVpcs      route table id to its VPC
 * @param securityGroupVpcs   security group id to its VPC
 */
public record NetworkFacts(boolean vpcExists, boolean dnsSupport, boolean dnsHostnames, Map<String, String> subnetZones,
        Map<String, String> subnetVpcs, Map<String, String> routeTableVpcs, Map<String, String> securityGroupVpcs) {
}
