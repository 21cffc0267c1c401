package io.vpcportal.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@link AwsActions} is what the code calls: every {@code aws} package of the main code is read for calls of SDK
 * client operations (their method names, paginators too, of the services each file imports), so that a new call
 * without a new entry (or an entry nothing calls any more) fails here, and with it the policies' check.
 */
class AwsActionsTests {

    /** The SDK service packages the portal uses, with their synchronous client and IAM prefix. */
    static final Map<String, Class<?>> CLIENTS = Map.of("ec2", Ec2Client.class, "s3", S3Client.class,
            "route53", Route53Client.class, "cloudwatch", CloudWatchClient.class,
            "organizations", OrganizationsClient.class, "sts", StsClient.class);

    private static final Pattern SERVICE_IMPORT = Pattern.compile("import software\\.amazon\\.awssdk\\.services\\.(\\w+)\\.");

    @Test
    void theListNamesExactlyTheOperationsTheAwsPackagesCall() throws IOException {
        Set<String> called = new TreeSet<>();
        Map<String, String> where = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java", "io", "vpcportal"))) {
            for (Path file : files.filter(f -> f.getParent().getFileName().toString().equals("aws"))
                    .filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Set<String> services = new HashSet<>();
                Matcher imports = SERVICE_IMPORT.matcher(source);
                while (imports.find()) {
                    services.add(imports.group(1));
                }
                for (String service : services) {
                    assertThat(CLIENTS).as("%s uses the SDK service '%s': add its client to CLIENTS", file, service)
                            .containsKey(service);
                    operations(CLIENTS.get(service)).forEach((method, operation) -> {
                        if (Pattern.compile("\\." + method + "\\(").matcher(source).find()) {
                            String action = AwsActions.iamAction(service + ":" + operation);
                            called.add(action);
                            where.put(action, file.getFileName().toString());
                        }
                    });
                }
            }
        }
        Set<String> listed = new TreeSet<>(AwsActions.MEMBER_ROLE);
        listed.addAll(AwsActions.DISCOVERY_ROLE);

        assertThat(called).as("operations the aws packages call (%s)", where).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(listed);
    }

    @Test
    void theScanSeesCallsItShouldSee() {
        assertThat(operations(Ec2Client.class)).containsEntry("describeVpcEndpointsPaginator", "DescribeVpcEndpoints")
                .containsEntry("createVpcEndpoint", "CreateVpcEndpoint").doesNotContainKey("close");
        assertThat(AwsActions.iamAction("s3:ListObjectsV2")).isEqualTo("s3:ListBucket");
    }

    /** Method name to operation name, for every operation method of a client (paginators included). */
    static Map<String, String> operations(Class<?> client) {
        Map<String, String> operations = new TreeMap<>();
        for (Method m : client.getMethods()) {
            if (m.getParameterCount() == 1 && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])) {
                String name = m.getName();
                String operation = name.endsWith("Paginator") ? name.substring(0, name.length() - "Paginator".length()) : name;
                operations.put(name, Character.toUpperCase(operation.charAt(0)) + operation.substring(1));
            }
        }
        return operations;
    }
}
