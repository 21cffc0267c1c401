package io.vpcportal.request;

import io.vpcportal.identity.PortalPrincipal;
import java.util.List;
import java.util.Optional;

/**
 * Where a quick start (one of the reference architectures on the start page) is set up: another module that knows
 * the VPCs (the inventory) answers the VPC a caller's quick start should prefill, without this module depending on
 * it. The form takes the first answer; every value is checked again on submit.
 */
public interface QuickStartVpcs {

    /** Quick starts of the start page, by key. */
    List<String> KEYS = List.of("standard", "serverless", "datadog");

    /** A VPC for quick start {@code key} in an account {@code by} may request endpoints in; empty when none. */
    Optional<Target> find(PortalPrincipal by, String key);

    /** The form's account, region, VPC and NAT gateway (null when the VPC has none). */
    record Target(String accountId, String region, String vpcId, String natGatewayId) {
    }
}
