package io.vpcportal.provisioning.aws;

import io.vpcportal.provisioning.AwsProperties;
import io.vpcportal.provisioning.AwsTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * SDK clients, one per (account, region), with the STANDARD retry mode (the SDK's default is still the
 * legacy one), the portal's call rate limit of the (account, region) on every attempt, and the emulator endpoint
 * when one is configured. Credentials of an account's role are
 * assumed per request, so that CloudTrail shows which request made a call, and kept until they expire.
 */
@Component
class AwsClients implements AutoCloseable {

    private static final int MAX_CACHED_ROLES = 256;

    private final AwsProperties properties;
    private final CallRateLimits limits;
    private final DefaultCredentialsProvider portalCredentials = DefaultCredentialsProvider.builder().build();
    private final Map<String, Ec2Client> ec2Clients = new ConcurrentHashMap<>();
    private final Map<String, Ec2Client> singleAttemptClients = new ConcurrentHashMap<>();
    private final Map<String, StsClient> stsClients = new ConcurrentHashMap<>();
    private final Map<String, Route53Client> route53Clients = new ConcurrentHashMap<>();
    private final Map<String, StsAssumeRoleCredentialsProvider> roles = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StsAssumeRoleCredentialsProvider> eldest) {
            if (size() > MAX_CACHED_ROLES) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };

    AwsClients(AwsProperties properties, CallRateLimits limits) {
        this.properties = properties;
        this.limits = limits;
    }

    Ec2Client ec2(AwsTarget target) {
        return ec2Clients.computeIfAbsent(target.accountId() + "/" + target.region(), key -> ec2(target, true));
    }

    /**
     * A client that sends each call once: for calls whose lost answer must not be followed by a blind resend
     * (CreateVpcEndpoint, where only the tag lookup before a create may decide that it is still needed).
     */
    Ec2Client ec2SingleAttempt(AwsTarget target) {
        return singleAttemptClients.computeIfAbsent(target.accountId() + "/" + target.region(), key -> ec2(target, false));
    }

    private Ec2Client ec2(AwsTarget target, boolean retries) {
        var builder = Ec2Client.builder()
                .region(Region.of(target.region()))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(portalCredentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(retries ? AwsRetryStrategy.forRetryMode(RetryMode.STANDARD) : AwsRetryStrategy.doNotRetry())
                        .addExecutionInterceptor(limits.perAttempt(target.accountId(), target.region()))
                        .build());
        if (properties.endpoint() != null) {
            builder.endpointOverride(properties.endpoint());
        }
        return builder.build();
    }

    /**
     * The Route 53 client of the target's account (Route 53 is global: one client and one call rate per account,
     * whatever the region), with STANDARD retries.
     */
    Route53Client route53(AwsTarget target) {
        return route53Clients.computeIfAbsent(target.accountId(), account -> {
            var builder = Route53Client.builder()
                    .region(Region.AWS_GLOBAL)
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .credentialsProvider(portalCredentials)
                    .overrideConfiguration(ClientOverrideConfiguration.builder()
                            .retryStrategy(AwsRetryStrategy.forRetryMode(RetryMode.STANDARD))
                            .addExecutionInterceptor(limits.perAttempt(account, "route53"))
                            .build());
            if (properties.endpoint() != null) {
                builder.endpointOverride(properties.endpoint());
            }
            return builder.build();
        });
    }

    /** Configuration every S3 client of the target's (account, region) needs: STANDARD retries, the rate limit. */
    ClientOverrideConfiguration s3Configuration(AwsTarget target) {
        return ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD)
                .addExecutionInterceptor(limits.perAttempt(target.accountId(), target.region())).build();
    }

    /** The credentials for calls in the target's account: its role, or the portal's own identity. */
    synchronized AwsCredentialsProvider credentials(AwsTarget target) {
        if (target.roleArn() == null || target.roleArn().isBlank()) {
            return portalCredentials;
        }
        String key = target.roleArn() + "|" + target.sessionName();
        return roles.computeIfAbsent(key, k -> StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts(target.region()))
                .refreshRequest(r -> {
                    r.roleArn(target.roleArn()).roleSessionName(target.sessionName()).durationSeconds(3600);
                    if (target.externalId() != null && !target.externalId().isBlank()) {
                        r.externalId(target.externalId());
                    }
                })
                .build());
    }

    private StsClient sts(String region) {
        return stsClients.computeIfAbsent(region, r -> {
            var builder = StsClient.builder()
                    .region(Region.of(r))
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .credentialsProvider(portalCredentials)
                    .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build());
            if (properties.endpoint() != null) {
                builder.endpointOverride(properties.endpoint());
            }
            return builder.build();
        });
    }

    @Override
    public synchronized void close() {
        roles.values().forEach(StsAssumeRoleCredentialsProvider::close);
        ec2Clients.values().forEach(Ec2Client::close);
        singleAttemptClients.values().forEach(Ec2Client::close);
        stsClients.values().forEach(StsClient::close);
        route53Clients.values().forEach(Route53Client::close);
        portalCredentials.close();
    }
}
