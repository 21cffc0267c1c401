package io.vpcportal.shared;

import java.util.regex.Pattern;

/** A 12-digit AWS account id, kept as text because leading zeros matter. */
public record AwsAccountId(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{12}");

    public AwsAccountId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("An AWS account id has exactly 12 digits");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
