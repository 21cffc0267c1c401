package io.vpcportal.policy.internal;

import java.util.Arrays;
import java.util.Optional;

/** The endpoint policy templates, by the keys the request form and the catalog use. */
public enum PolicyTemplate {
    FULL_ACCESS("full-access"), ORGANIZATION("organization"), S3_BUCKETS("s3-buckets"),
    DYNAMODB_TABLES("dynamodb-tables"), READ_ONLY("read-only"), CUSTOM("custom");

    private final String key;

    PolicyTemplate(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<PolicyTemplate> fromKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }
}
