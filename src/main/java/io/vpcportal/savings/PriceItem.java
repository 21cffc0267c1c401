package io.vpcportal.savings;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the portal prices, with the AWS Price List usage type it is read from. A usage type is the item's suffix
 * after an optional region prefix ({@code USE1-}, {@code EU-}; us-east-1's NAT rows have none). The suffix is matched
 * exactly, so {@code RegionalNatGateway-Hours} is never taken for a NAT gateway hour. Inter-region transfer names
 * two regions ({@code EUW3-USE1-AWS-Out-Bytes}: from eu-west-3 to us-east-1).
 */
public enum PriceItem {
    NAT_GATEWAY_HOUR("AmazonEC2", "NatGateway-Hours", "Hrs"),
    NAT_GATEWAY_GB("AmazonEC2", "NatGateway-Bytes", "GB"),
    CROSS_AZ_GB("AmazonEC2", "DataTransfer-Regional-Bytes", "GB"),
    INTERFACE_ENDPOINT_HOUR("AmazonVPC", "VpcEndpoint-Hours", "Hrs"),
    INTERFACE_ENDPOINT_GB("AmazonVPC", "VpcEndpoint-Bytes", "GB"),
    GWLB_ENDPOINT_HOUR("AmazonVPC", "VpcEndpoint-GWLBE-Hours", "Hrs"),
    GWLB_ENDPOINT_GB("AmazonVPC", "VpcEndpoint-GWLBE-Bytes", "GB"),
    PUBLIC_IPV4_HOUR("AmazonVPC", "PublicIPv4:InUseAddress", "Hrs"),
    /**
     * Data sent from one region to another ({@code <FROM>-<TO>-AWS-Out-Bytes}, transfer type "InterRegion Outbound"),
     * billed in the sending region; priced per pair of regions.
     */
    INTER_REGION_GB("AWSDataTransfer", "AWS-Out-Bytes", "GB"),
    /** A Transit Gateway attachment (one per attached VPC), per hour. */
    TRANSIT_GATEWAY_ATTACHMENT_HOUR("AmazonVPC", "TransitGateway-Hours", "Hrs"),
    /** Data a Transit Gateway processes, per GB, billed to the attachment that sends it. */
    TRANSIT_GATEWAY_GB("AmazonVPC", "TransitGateway-Bytes", "GB"),
    /** A Route 53 hosted zone, per month (tiered on the account's count). Route 53 is global: no region prefix. */
    HOSTED_ZONE_MONTH("AmazonRoute53", "HostedZone", "HostedZone"),
    /** Route 53 standard queries, per query (tiered on the month's count). */
    DNS_QUERY("AmazonRoute53", "DNS-Queries", "Queries");

    private static final Pattern USAGE_TYPE = Pattern.compile("^(?:([A-Z]{2,4}[0-9]?)-)?([A-Za-z0-9:-]+)$");
    private static final Pattern REGION_PAIR = Pattern.compile("^([A-Z]{2,4}[0-9]?)-([A-Z]{2,4}[0-9]?)-AWS-Out-Bytes$");

    private final String serviceCode;
    private final String usageSuffix;
    private final String unit;

    PriceItem(String serviceCode, String usageSuffix, String unit) {
        this.serviceCode = serviceCode;
        this.usageSuffix = usageSuffix;
        this.unit = unit;
    }

    public String serviceCode() { return serviceCode; }
    public String usageSuffix() { return usageSuffix; }
    public String unit() { return unit; }

    /** The item a usage type prices, with its region prefix ("" when there is none). */
    public static Optional<Match> match(String serviceCode, String usageType) {
        if (usageType == null) {
            return Optional.empty();
        }
        Matcher pair = REGION_PAIR.matcher(usageType);
        if (pair.matches()) {
            return serviceCode == null || serviceCode.equals(INTER_REGION_GB.serviceCode)
                    ? Optional.of(new Match(INTER_REGION_GB, pair.group(1), pair.group(2))) : Optional.empty();
        }
        for (PriceItem item : values()) {
            // a global usage type whose first word looks like a region prefix ("DNS-Queries")
            if (item.usageSuffix.equals(usageType) && (serviceCode == null || item.serviceCode.equals(serviceCode))) {
                return Optional.of(new Match(item, "", ""));
            }
        }
        Matcher m = USAGE_TYPE.matcher(usageType);
        if (!m.matches()) {
            return Optional.empty();
        }
        for (PriceItem item : values()) {
            if (item.usageSuffix.equals(m.group(2)) && (serviceCode == null || item.serviceCode.equals(serviceCode))) {
                return Optional.of(new Match(item, m.group(1) == null ? "" : m.group(1), ""));
            }
        }
        return Optional.empty();
    }

    /**
     * An item found in a usage type, and the usage type's region prefix; for {@link #INTER_REGION_GB} also the
     * prefix of the region the data goes to ("" for every other item).
     */
    public record Match(PriceItem item, String regionPrefix, String toRegionPrefix) {
    }
}
