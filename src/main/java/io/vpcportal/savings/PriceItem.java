package io.vpcportal.savings;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the portal prices, with the AWS Price List usage type it is read from. A usage type is the item's suffix
 * after an optional region prefix ({@code USE1-}, {@code EU-}; us-east-1's NAT rows have none). The suffix is matched
 * exactly, so {@code RegionalNatGateway-Hours} is never taken for a NAT gateway hour.
 */
public enum PriceItem {
    NAT_GATEWAY_HOUR("AmazonEC2", "NatGateway-Hours", "Hrs"),
    NAT_GATEWAY_GB("AmazonEC2", "NatGateway-Bytes", "GB"),
    CROSS_AZ_GB("AmazonEC2", "DataTransfer-Regional-Bytes", "GB"),
    INTERFACE_ENDPOINT_HOUR("AmazonVPC", "VpcEndpoint-Hours", "Hrs"),
    INTERFACE_ENDPOINT_GB("AmazonVPC", "VpcEndpoint-Bytes", "GB"),
    GWLB_ENDPOINT_HOUR("AmazonVPC", "VpcEndpoint-GWLBE-Hours", "Hrs"),
    GWLB_ENDPOINT_GB("AmazonVPC", "VpcEndpoint-GWLBE-Bytes", "GB"),
    PUBLIC_IPV4_HOUR("AmazonVPC", "PublicIPv4:InUseAddress", "Hrs");

    private static final Pattern USAGE_TYPE = Pattern.compile("^(?:([A-Z]{2,4}[0-9]?)-)?([A-Za-z0-9:-]+)$");

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
        Matcher m = USAGE_TYPE.matcher(usageType);
        if (!m.matches()) {
            return Optional.empty();
        }
        for (PriceItem item : values()) {
            if (item.usageSuffix.equals(m.group(2)) && (serviceCode == null || item.serviceCode.equals(serviceCode))) {
                return Optional.of(new Match(item, m.group(1) == null ? "" : m.group(1)));
            }
        }
        return Optional.empty();
    }

    /** An item found in a usage type, and the usage type's region prefix. */
    public record Match(PriceItem item, String regionPrefix) {
    }
}
