package io.vpcportal.catalog;

import java.util.regex.Pattern;

/** A template's stable key, such as {@code s3-gateway}. */
public record TemplateKey(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    public TemplateKey {
        if (!isValid(value)) {
            throw new IllegalArgumentException("A template key is 2 to 64 lowercase letters, digits or dashes");
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
