package io.vpcportal.aws;

import io.vpcportal.aws.internal.CallRateLimits;
import io.vpcportal.aws.internal.RoleCredentials;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The client factory of the portal's AWS adapters: SDK clients created once per (client type, account, region) and
 * kept, with the STANDARD retry mode (the SDK's default is still the legacy one), the emulator endpoint of
 * {@code portal.aws.endpoint} when one is set, and the portal's call rate per (account, region) taken on every attempt
 * of EC2, Route 53 (per account: it is global) and S3 bucket-policy calls. Clients sign with the portal's own identity;
 * pass {@link #as(AwsTarget)} with every call to sign with the target account's assumed role instead, so that one
 * client serves every request and CloudTrail shows which request (or task) made a call.
 *
 * <p>It hands out SDK types: only the {@code aws} adapter packages of the feature modules may use it (checked by
 * {@code AwsModuleTests}).
 */
@Component
public class AwsClients implements AutoCloseable {

    private final AwsProperties properties;
    private final RoleCredentials credentials;
    private final CallRateLimits limits;
    private final Map<ClientKey, SdkClient> clients = new ConcurrentHashMap<>();

    private record ClientKey(String type, String scope) {
    }

    public AwsClients(AwsProperties properties) {
        this.properties = properties;
        this.credentials = new RoleCredentials(properties.endpoint());
        this.limits = new CallRateLimits(properties.callsPerSecond());
    }

    /** The EC2 client of the target's (account, region). */
    public Ec2Client ec2(AwsTarget target) {
        return cached("ec2", perRegion(target), () -> build(Ec2Client.builder(), Region.of(target.region()),
                AwsRetryStrategy.forRetryMode(RetryMode.STANDARD), limits.perAttempt(target.accountId(), target.region())));
    }

    /**
     * An EC2 client that sends each call once: for calls whose lost answer must not be followed by a blind resend
     * (CreateVpcEndpoint, where only the tag lookup before a create may decide that it is still needed).
     */
    public Ec2Client ec2SingleAttempt(AwsTarget target) {
        return cached("ec2-single-attempt", perRegion(target), () -> build(Ec2Client.builder(),
                Region.of(target.region()), AwsRetryStrategy.doNotRetry(),
                limits.perAttempt(target.accountId(), target.region())));
    }

    /** The Route 53 client of the target's account: Route 53 is global, so one client and one call rate per account. */
    public Route53Client route53(AwsTarget target) {
        return cached("route53", target.accountId(), () -> build(Route53Client.builder(), Region.AWS_GLOBAL,
                AwsRetryStrategy.forRetryMode(RetryMode.STANDARD), limits.perAttempt(target.accountId(), "route53")));
    }

    /** The S3 client of the target's (account, region) for bucket-policy calls, under the portal's call rate. */
    public S3Client s3(AwsTarget target) {
        return cached("s3", perRegion(target), () -> build(S3Client.builder().forcePathStyle(properties.endpoint() != null),
                Region.of(target.region()), AwsRetryStrategy.forRetryMode(RetryMode.STANDARD),
                limits.perAttempt(target.accountId(), target.region())));
    }

    /**
     * An S3 client for reading many objects (flow-log files), outside the portal's call rate: S3's own limits are per
     * prefix and thousands a second, and these reads do not touch EC2's budget.
     */
    public S3Client s3ForObjectReads(AwsTarget target) {
        return cached("s3-object-reads", perRegion(target), () -> build(S3Client.builder()
                .forcePathStyle(properties.endpoint() != null), Region.of(target.region()),
                AwsRetryStrategy.forRetryMode(RetryMode.STANDARD)));
    }

    /**
     * The CloudWatch client of the target's (account, region), outside the portal's call rate (CloudWatch limits its
     * own API per account); {@code endpoint} overrides {@code portal.aws.endpoint} when not null.
     */
    public CloudWatchClient cloudWatch(AwsTarget target, URI endpoint) {
        return cached("cloudwatch", perRegion(target) + "/" + endpoint, () -> build(CloudWatchClient.builder(),
                endpoint == null ? properties.endpoint() : endpoint, Region.of(target.region()),
                AwsRetryStrategy.forRetryMode(RetryMode.STANDARD)));
    }

    /**
     * The AWS Organizations client (in us-east-1). Organizations throttles per organization, so its calls take permits
     * of one limiter of {@code callsPerSecond}, and throttled calls are retried with exponential backoff up to
     * {@code maxAttempts}.
     */
    public OrganizationsClient organizations(int maxAttempts, double callsPerSecond) {
        return cached("organizations", maxAttempts + "/" + callsPerSecond, () -> build(OrganizationsClient.builder(),
                Region.US_EAST_1, AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts)
                        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(500),
                                Duration.ofSeconds(20)))
                        .build(),
                limits.perAttempt("organizations", callsPerSecond)));
    }

    /** Per-call configuration that signs with the target account's assumed role (or the portal's own identity). */
    public AwsRequestOverrideConfiguration as(AwsTarget target) {
        return AwsRequestOverrideConfiguration.builder().credentialsProvider(credentials(target)).build();
    }

    /** The credentials for calls in the target's account: its role, or the portal's own identity. */
    public AwsCredentialsProvider credentials(AwsTarget target) {
        return target.assumesRole()
                ? credentials.role(target.roleArn(), target.externalId(), target.sessionName(), target.region())
                : credentials.portal();
    }

    /** Waits for a permit of the portal's own call rate in the target's account and region. */
    public void acquire(AwsTarget target) {
        limits.acquire(target.accountId(), target.region());
    }

    private static String perRegion(AwsTarget target) {
        return target.accountId() + "/" + target.region();
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkClient> C cached(String type, String scope, Supplier<C> create) {
        return (C) clients.computeIfAbsent(new ClientKey(type, scope), key -> create.get());
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, Region region,
            RetryStrategy retries, ExecutionInterceptor... interceptors) {
        return build(builder, properties.endpoint(), region, retries, interceptors);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, URI endpoint,
            Region region, RetryStrategy retries, ExecutionInterceptor... interceptors) {
        ClientOverrideConfiguration.Builder configuration = ClientOverrideConfiguration.builder().retryStrategy(retries);
        for (ExecutionInterceptor interceptor : interceptors) {
            configuration.addExecutionInterceptor(interceptor);
        }
        builder.region(region)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(credentials.portal())
                .overrideConfiguration(configuration.build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(SdkClient::close);
        clients.clear();
        credentials.close();
    }
}
