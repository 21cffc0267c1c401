package io.vpcportal.inventory;

import java.util.List;
import java.util.Locale;

/**
 * A Route 53 private hosted zone of an account and the VPCs it answers in.
 *
 * @param name the zone's domain, lower case, without the trailing dot ({@code ssm.eu-west-1.amazonaws.com})
 */
public record PrivateHostedZone(String id, String name, List<Association> vpcs) {

    /** A VPC the zone is associated with. */
    public record Association(String region, String vpcId) {
    }

    /** Does this zone answer {@code dnsName}: the same domain, or a parent of it? */
    public static boolean answers(String zoneName, String dnsName) {
        String zone = normal(zoneName);
        String name = normal(dnsName);
        if (name.startsWith("*.")) {
            name = name.substring(2);
        }
        return name.equals(zone) || name.endsWith("." + zone);
    }

    public static String normal(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
