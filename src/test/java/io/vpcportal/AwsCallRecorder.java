package io.vpcportal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every AWS operation the portal's own code calls in the tests, as {@code service:Operation} lines in
 * {@code target/aws-calls/calls-<pid>.txt} (one line per distinct operation). The SDK loads it for every client as a
 * global interceptor (listed in {@code software/amazon/awssdk/global/handlers/execution.interceptors} of the test
 * resources). A call counts as the portal's when a class of a main-code {@code aws} package is on the calling stack,
 * so the calls tests make to build their AWS world (CreateVpc, CreateOrganization…) are left out.
 */
public final class AwsCallRecorder implements ExecutionInterceptor {

    public static final Path FOLDER = Path.of("target", "aws-calls");
    private static final Pattern PORTAL_ADAPTER = Pattern.compile("io\\.vpcportal\\.\\w+\\.aws\\.[A-Z]\\w*(\\$.*)?");
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (service == null || operation == null || !calledByThePortal()) {
            return;
        }
        String line = signingName(service) + ":" + operation;
        if (SEEN.add(line)) {
            try {
                Files.createDirectories(FOLDER);
                Files.writeString(FOLDER.resolve("calls-" + ProcessHandle.current().pid() + ".txt"), line + "\n",
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new IllegalStateException("Could not record the AWS call " + line, e);
            }
        }
    }

    private static boolean calledByThePortal() {
        return WALKER.walk(frames -> frames.anyMatch(f -> PORTAL_ADAPTER.matcher(f.getClassName()).matches()
                && isMainCode(f.getDeclaringClass())));
    }

    /**
     * Test classes share the adapters' packages (a test of {@code provisioning.aws} builds its VPCs in moto itself):
     * only classes compiled from the main sources count as the portal.
     */
    private static boolean isMainCode(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        return source != null && !source.getLocation().toString().contains("test-classes");
    }

    /** The SDK's service names ("EC2", "S3", "Route53", "CloudWatch", "Organizations", "STS") as IAM prefixes. */
    static String signingName(String service) {
        return switch (service) {
            case "EC2" -> "ec2";
            case "S3" -> "s3";
            case "Route53" -> "route53";
            case "CloudWatch" -> "cloudwatch";
            case "Organizations" -> "organizations";
            case "STS" -> "sts";
            default -> service.toLowerCase(java.util.Locale.ROOT);
        };
    }
}
