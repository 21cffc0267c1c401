package io.vpcportal.shared;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A commercial AWS region code. The list is the regions AWS offers VPC endpoints in; a region missing here
 * is rejected with a message that lists the known ones.
 */
public record AwsRegion(String code) implements Comparable<AwsRegion> {

    public static final Set<String> KNOWN = new TreeSet<>(List.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2",
            "af-south-1", "ap-east-1", "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2",
            "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-7", "ap-northeast-1",
            "ap-northeast-2", "ap-northeast-3", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2",
            "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1", "il-central-1",
            "me-south-1", "me-central-1", "mx-central-1", "sa-east-1"));

    public AwsRegion {
        if (!isKnown(code)) {
            throw new IllegalArgumentException("Unknown AWS region: " + code);
        }
    }

    public static boolean isKnown(String code) {
        return code != null && KNOWN.contains(code);
    }

    @Override
    public int compareTo(AwsRegion other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
