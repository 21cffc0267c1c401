package io.vpcportal.savings.aws;

import io.vpcportal.provisioning.AwsProperties;
import io.vpcportal.savings.SavingsProperties;
import io.vpcportal.savings.internal.TrafficMeter.Scope;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * CloudWatch and S3 clients per (account, region), in the account's role (assumed with its external id, session
 * {@code vpce-portal-savings}) with the STANDARD retry mode, pointed at the emulator when one is configured.
 */
@Component
class SavingsAwsClients implements AutoCloseable {

    private final AwsProperties properties;
    private final DefaultCredentialsProvider portalCredentials = DefaultCredentialsProvider.builder().build();
    private final Map<String, CloudWatchClient> cloudWatch = new ConcurrentHashMap<>();
    private final Map<String, S3Client> s3 = new ConcurrentHashMap<>();
    private final Map<String, StsAssumeRoleCredentialsProvider> roles = new ConcurrentHashMap<>();
    private final Map<String, StsClient> sts = new ConcurrentHashMap<>();

    private final SavingsProperties savings;

    SavingsAwsClients(AwsProperties properties, SavingsProperties savings) {
        this.properties = properties;
        this.savings = savings;
    }

    CloudWatchClient cloudWatch(Scope scope) {
        return cloudWatch.computeIfAbsent(key(scope), k -> {
            var builder = CloudWatchClient.builder().region(Region.of(scope.region()))
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).credentialsProvider(credentials(scope))
                    .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build());
            if (savings.cloudwatchEndpoint() != null) {
                builder.endpointOverride(savings.cloudwatchEndpoint());
            } else if (properties.endpoint() != null) {
                builder.endpointOverride(properties.endpoint());
            }
            return builder.build();
        });
    }

    S3Client s3(Scope scope) {
        return s3.computeIfAbsent(key(scope), k -> {
            var builder = S3Client.builder().region(Region.of(scope.region()))
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).credentialsProvider(credentials(scope))
                    .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build());
            if (properties.endpoint() != null) {
                builder.endpointOverride(properties.endpoint()).forcePathStyle(true);
            }
            return builder.build();
        });
    }

    private static String key(Scope scope) {
        return scope.accountId() + "/" + scope.region() + "/" + scope.roleArn();
    }

    private AwsCredentialsProvider credentials(Scope scope) {
        if (scope.roleArn() == null || scope.roleArn().isBlank()) {
            return portalCredentials;
        }
        return roles.computeIfAbsent(scope.roleArn() + "|" + scope.externalId(), k -> StsAssumeRoleCredentialsProvider
                .builder().stsClient(sts(scope.region()))
                .refreshRequest(r -> {
                    r.roleArn(scope.roleArn()).roleSessionName("vpce-portal-savings").durationSeconds(3600);
                    if (scope.externalId() != null && !scope.externalId().isBlank()) {
                        r.externalId(scope.externalId());
                    }
                }).build());
    }

    private StsClient sts(String region) {
        return sts.computeIfAbsent(region, r -> {
            var builder = StsClient.builder().region(Region.of(r)).httpClientBuilder(UrlConnectionHttpClient.builder())
                    .credentialsProvider(portalCredentials)
                    .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build());
            if (properties.endpoint() != null) {
                builder.endpointOverride(properties.endpoint());
            }
            return builder.build();
        });
    }

    @Override
    public void close() {
        roles.values().forEach(StsAssumeRoleCredentialsProvider::close);
        cloudWatch.values().forEach(CloudWatchClient::close);
        s3.values().forEach(S3Client::close);
        sts.values().forEach(StsClient::close);
        portalCredentials.close();
    }
}
