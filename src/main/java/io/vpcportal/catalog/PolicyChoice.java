package io.vpcportal.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The endpoint policy templates a request item can choose. */
public enum PolicyChoice {
    FULL_ACCESS("full-access", "Full access (AWS default)"),
    ORGANIZATION("organization", "Our AWS Organization only"),
    S3_BUCKETS("s3-buckets", "Only the listed S3 buckets"),
    DYNAMODB_TABLES("dynamodb-tables", "Only the listed DynamoDB tables"),
    READ_ONLY("read-only", "Read-only actions"),
    CUSTOM("custom", "Custom policy (JSON)");

    private final String key;
    private final String label;

    PolicyChoice(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<PolicyChoice> fromKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }

    /**
     * The choice of {@code value} given by its key ("organization") or by its constant's name ("ORGANIZATION"), the
     * spelling in which a template read from the API states its default policy.
     */
    public static Optional<PolicyChoice> fromKeyOrName(String value) {
        return Arrays.stream(values()).filter(p -> p.key.equals(value) || p.name().equals(value)).findFirst();
    }
}
