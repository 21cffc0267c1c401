package io.vpcportal.policy.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the portal knows about an endpoint service from its name: the IAM action prefix of the service behind it,
 * and which read-only actions and sample actions to use. Partner services ({@code com.amazonaws.vpce....}) have
 * no known prefix.
 */
public final class AwsServices {

    private static final Pattern AWS_SERVICE =
            Pattern.compile("com\\.amazonaws\\.([a-z]{2}(-gov)?-[a-z]+-\\d)\\.([a-z0-9][a-z0-9.-]*)");
    private static final Pattern PARTNER = Pattern.compile("com\\.amazonaws\\.vpce\\.[a-z0-9-]+\\.vpce-svc-[0-9a-f]{8,17}");
    /** Endpoint service names whose IAM prefix is not their first name part. */
    private static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("monitoring", "cloudwatch"), Map.entry("git-codecommit", "codecommit"),
            Map.entry("ecs-agent", "ecs"), Map.entry("ecs-telemetry", "ecs"), Map.entry("email-smtp", "ses"),
            Map.entry("kinesis-streams", "kinesis"), Map.entry("kinesis-firehose", "firehose"),
            Map.entry("s3-global", "s3"), Map.entry("elasticfilesystem-fips", "elasticfilesystem"));
    private static final Map<String, List<String>> EXTRA_READS = Map.of(
            "dynamodb", List.of("dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:PartiQLSelect",
                    "dynamodb:Query", "dynamodb:Scan"),
            "logs", List.of("logs:FilterLogEvents", "logs:StartQuery", "logs:StopQuery"),
            "ecr", List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage"),
            "sqs", List.of("sqs:ReceiveMessage"));
    private static final Map<String, String> SAMPLE_ACTIONS = Map.ofEntries(
            Map.entry("s3", "s3:GetObject"), Map.entry("dynamodb", "dynamodb:GetItem"),
            Map.entry("sts", "sts:GetCallerIdentity"), Map.entry("kms", "kms:Decrypt"),
            Map.entry("logs", "logs:PutLogEvents"), Map.entry("cloudwatch", "cloudwatch:PutMetricData"),
            Map.entry("ssm", "ssm:GetParameter"), Map.entry("ssmmessages", "ssmmessages:OpenDataChannel"),
            Map.entry("ec2messages", "ec2messages:GetMessages"), Map.entry("secretsmanager", "secretsmanager:GetSecretValue"),
            Map.entry("sqs", "sqs:SendMessage"), Map.entry("sns", "sns:Publish"), Map.entry("lambda", "lambda:InvokeFunction"),
            Map.entry("glue", "glue:GetTable"), Map.entry("rds-data", "rds-data:ExecuteStatement"),
            Map.entry("ecr", "ecr:GetAuthorizationToken"), Map.entry("execute-api", "execute-api:Invoke"));

    private AwsServices() {
    }

    public static boolean isKnownFormat(String serviceName) {
        return serviceName != null && (AWS_SERVICE.matcher(serviceName).matches() || PARTNER.matcher(serviceName).matches());
    }

    public static boolean isPartner(String serviceName) {
        return serviceName != null && PARTNER.matcher(serviceName).matches();
    }

    /** The region in an AWS service name ({@code com.amazonaws.<region>.<service>}). */
    public static Optional<String> region(String serviceName) {
        Matcher m = serviceName == null ? null : AWS_SERVICE.matcher(serviceName);
        return m != null && m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The IAM action prefix, such as {@code s3} or {@code ecr} (for {@code ecr.api} and {@code ecr.dkr}). */
    public static Optional<String> actionPrefix(String serviceName) {
        Matcher m = serviceName == null ? null : AWS_SERVICE.matcher(serviceName);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        String service = m.group(3);
        String first = service.contains(".") ? service.substring(0, service.indexOf('.')) : service;
        return Optional.of(PREFIXES.getOrDefault(first, first));
    }

    public static boolean isS3(String serviceName) {
        return actionPrefix(serviceName).filter("s3"::equals).isPresent();
    }

    public static boolean isDynamoDb(String serviceName) {
        return actionPrefix(serviceName).filter("dynamodb"::equals).isPresent();
    }

    /** {@code Describe*}, {@code Get*}, {@code List*} and the service's other reading actions. */
    public static List<String> readOnlyActions(String prefix) {
        List<String> actions = new ArrayList<>(List.of(prefix + ":Describe*", prefix + ":Get*",
                prefix + ":List*"));
        actions.addAll(EXTRA_READS.getOrDefault(prefix, List.of()));
        return actions;
    }

    public static Optional<String> sampleAction(String prefix) {
        return Optional.ofNullable(SAMPLE_ACTIONS.get(prefix));
    }
}
