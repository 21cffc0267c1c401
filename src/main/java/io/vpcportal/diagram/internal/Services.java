package io.vpcportal.diagram.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** Short keys and readable names for the services endpoints reach. */
final class Services {

    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("s3", "Amazon S3"),
            Map.entry("dynamodb", "Amazon DynamoDB"), Map.entry("glue", "AWS Glue"),
            Map.entry("rds-data", "Aurora Data API"), Map.entry("logs", "CloudWatch Logs"),
            Map.entry("monitoring", "CloudWatch"), Map.entry("sqs", "Amazon SQS"), Map.entry("sns", "Amazon SNS"),
            Map.entry("ecr.api", "ECR API"), Map.entry("ecr.dkr", "ECR registry"), Map.entry("sts", "AWS STS"),
            Map.entry("ssm", "Systems Manager"), Map.entry("kms", "AWS KMS"),
            Map.entry("secretsmanager", "Secrets Manager"), Map.entry("execute-api", "API Gateway"));

    private Services() {
    }

    /** {@code com.amazonaws.eu-west-1.s3} → s3; {@code com.amazonaws.vpce.us-east-1.vpce-svc-1} → vpce-svc-1. */
    static String key(String serviceName) {
        if (serviceName == null || serviceName.isBlank()) {
            return "unknown";
        }
        String[] parts = serviceName.split("\\.");
        if (serviceName.startsWith("com.amazonaws.vpce.") && parts.length >= 5) {
            return String.join(".", Arrays.copyOfRange(parts, 4, parts.length));
        }
        if (serviceName.startsWith("com.amazonaws.") && parts.length >= 3) {
            return String.join(".", Arrays.copyOfRange(parts, 3, parts.length)).toLowerCase(Locale.ROOT);
        }
        return parts[parts.length - 1];
    }

    static boolean partner(String serviceName) {
        return serviceName != null && (serviceName.startsWith("com.amazonaws.vpce.") || serviceName.contains("vpce-svc-"));
    }

    static String label(String serviceName) {
        String key = key(serviceName);
        if (partner(serviceName)) {
            return "Partner service " + key;
        }
        return NAMES.getOrDefault(key, key.toUpperCase(Locale.ROOT));
    }
}
