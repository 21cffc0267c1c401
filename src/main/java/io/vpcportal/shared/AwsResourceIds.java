package io.vpcportal.shared;

import java.util.regex.Pattern;

/**
 * Formats of the EC2 resource ids a request names. AWS issues 8 hex digits for old resources and 17 for
 * new ones, always lowercase.
 */
public enum AwsResourceIds {
    VPC("vpc"), SUBNET("subnet"), ROUTE_TABLE("rtb"), SECURITY_GROUP("sg"), NAT_GATEWAY("nat"), VPC_ENDPOINT("vpce");

    private final String prefix;
    private final Pattern pattern;

    AwsResourceIds(String prefix) {
        this.prefix = prefix;
        this.pattern = Pattern.compile(prefix + "-([0-9a-f]{8}|[0-9a-f]{17})");
    }

    public boolean matches(String id) {
        return id != null && pattern.matcher(id).matches();
    }

    public String prefix() {
        return prefix;
    }

    /** The message shown beside a field holding a malformed id. */
    public String formatMessage() {
        return "must look like " + prefix + "- followed by 8 or 17 lowercase hex digits";
    }
}
