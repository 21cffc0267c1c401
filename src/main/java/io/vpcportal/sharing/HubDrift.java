package io.vpcportal.sharing;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.aws.AwsAccess;
import io.vpcportal.aws.AwsTarget;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.provisioning.ProvisioningDetails;
import io.vpcportal.provisioning.ProvisioningManagement;
import io.vpcportal.sharing.internal.HubDns;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Drift of a hub: its zones, their alias records and their VPC associations as Route 53 has them now, against what
 * the approved request built (every zone there, its apex and {@code *.} records aliasing the hub's endpoint, the hub
 * VPC and every spoke associated, no VPC the request does not name).
 */
@Service
public class HubDrift {

    private final SharedEndpointRequests hubs;
    private final ProvisioningManagement provisioning;
    private final AccountManagement accounts;
    private final HubDns dns;
    private final AwsAccess aws;

    HubDrift(SharedEndpointRequests hubs, ProvisioningManagement provisioning, AccountManagement accounts, HubDns dns,
            AwsAccess aws) {
        this.hubs = hubs;
        this.provisioning = provisioning;
        this.accounts = accounts;
        this.dns = dns;
        this.aws = aws;
    }

    /** One difference: {@code kind} is MISSING_ZONE, ALIAS, MISSING_ASSOCIATION or EXTRA_ASSOCIATION. */
    public record Finding(String kind, String zone, String subject, String expected, String actual) {
    }

    public record Report(UUID requestId, boolean inSync, List<Finding> findings) {
    }

    public Report check(PortalPrincipal by, UUID requestId) {
        SharedEndpointDetails hub = hubs.get(by, requestId);
        if (!aws.applies()) {
            throw new ConflictException("AWS is not configured (plan-only mode): there is nothing to compare with");
        }
        String endpointId = provisioning.progress(requestId).flatMap(p -> p.endpoints().stream().findFirst())
                .map(ProvisioningDetails.EndpointProgress::vpcEndpointId).orElse(null);
        if (endpointId == null || hub.zoneIds().isEmpty()) {
            throw new ConflictException("Request " + requestId + " has not built its hub yet");
        }
        AccountDetails account = accounts.find(hub.hubAccountId()).orElseThrow();
        AwsTarget target = new AwsTarget(account.id(), hub.region(), account.roleArn(), account.externalId(), requestId);
        String aliasName = normal(dns.endpointAlias(target, endpointId).dnsName());
        List<Finding> findings = new ArrayList<>();
        for (String name : hub.zoneNames()) {
            String zoneId = hub.zoneIds().get(name);
            Optional<List<String>> vpcs = zoneId == null ? Optional.empty() : dns.associatedVpcs(target, zoneId);
            if (vpcs.isEmpty()) {
                findings.add(new Finding("MISSING_ZONE", name, zoneId, "a private hosted zone", "none"));
                continue;
            }
            Map<String, String> aliases = dns.aliases(target, zoneId);
            for (String record : List.of(name, "*." + name)) {
                String actual = aliases.get(record);
                if (!aliasName.equals(actual)) {
                    findings.add(new Finding("ALIAS", name, record, aliasName, actual == null ? "none" : actual));
                }
            }
            List<String> wanted = new ArrayList<>(List.of(hub.hubVpcId()));
            hub.spokes().forEach(s -> wanted.add(s.vpcId()));
            wanted.stream().filter(v -> !vpcs.get().contains(v)).forEach(v -> findings.add(new Finding(
                    "MISSING_ASSOCIATION", name, v, "associated", "not associated")));
            vpcs.get().stream().filter(v -> !wanted.contains(v)).forEach(v -> findings.add(new Finding(
                    "EXTRA_ASSOCIATION", name, v, "not associated", "associated")));
        }
        return new Report(requestId, findings.isEmpty(), findings);
    }

    private static String normal(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
