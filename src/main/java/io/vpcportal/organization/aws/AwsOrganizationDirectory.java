package io.vpcportal.organization.aws;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.vpcportal.organization.OrganizationProperties;
import io.vpcportal.organization.OrganizationUnavailable;
import io.vpcportal.organization.internal.OrganizationDirectory;
import io.vpcportal.provisioning.AwsProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.ParentNotFoundException;
import software.amazon.awssdk.services.organizations.model.Root;
import software.amazon.awssdk.services.organizations.model.TooManyRequestsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Reads AWS Organizations through the discovery role (assumed with its external id, session
 * {@code vpce-portal-discovery}). Organizations throttles per organization, so every attempt of every call takes a
 * permit of one rate limiter ({@code portal.organization.calls-per-second}); throttled calls
 * ({@code TooManyRequestsException}) are retried with exponential backoff, up to {@code max-attempts}.
 */
@Component
class AwsOrganizationDirectory implements OrganizationDirectory, AutoCloseable {

    private final AwsProperties aws;
    private final OrganizationProperties properties;
    private final RateLimiter limiter;
    private final DefaultCredentialsProvider portalCredentials = DefaultCredentialsProvider.builder().build();
    private final Map<Access, OrganizationsClient> clients = new ConcurrentHashMap<>();
    private final Map<Access, StsAssumeRoleCredentialsProvider> roles = new ConcurrentHashMap<>();
    private volatile StsClient sts;

    AwsOrganizationDirectory(AwsProperties aws, OrganizationProperties properties) {
        this.aws = aws;
        this.properties = properties;
        // one permit per 1/rate: calls are spaced evenly, so no sliding second holds more than rate + 1 of them
        // (a fixed window of `rate` permits a second lets twice the rate through across a window boundary)
        this.limiter = RateLimiter.of("organizations", RateLimiterConfig.custom().limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(Math.round(1_000_000_000d / properties.callsPerSecond())))
                .timeoutDuration(Duration.ofMinutes(5)).build());
    }

    @Override
    public List<String> roots(Access access) {
        return call(access, "ListRoots", () -> client(access).listRootsPaginator(r -> { }).stream().flatMap(page -> page.roots().stream())
                .map(Root::id).toList());
    }

    @Override
    public List<String> childOus(Access access, String parentId) {
        return call(access, "ListOrganizationalUnitsForParent " + parentId, () -> client(access)
                .listOrganizationalUnitsForParentPaginator(r -> r.parentId(parentId)).stream()
                .flatMap(page -> page.organizationalUnits().stream())
                .map(OrganizationalUnit::id).toList());
    }

    @Override
    public List<Member> accounts(Access access, String parentId) {
        return call(access, "ListAccountsForParent " + parentId, () -> client(access)
                .listAccountsForParentPaginator(r -> r.parentId(parentId)).stream()
                .flatMap(page -> page.accounts().stream())
                .map(AwsOrganizationDirectory::member).toList());
    }

    @Override
    public Map<String, String> tags(Access access, String accountId) {
        return call(access, "ListTagsForResource " + accountId, () -> {
            Map<String, String> tags = new TreeMap<>();
            client(access).listTagsForResourcePaginator(r -> r.resourceId(accountId)).tags()
                    .forEach(t -> tags.put(t.key(), t.value()));
            return tags;
        });
    }

    private static Member member(Account a) {
        return new Member(a.id(), a.name(), a.statusAsString(), a.stateAsString());
    }

    private <T> T call(Access access, String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (AccessDeniedException e) {
            throw new OrganizationUnavailable("The discovery role " + access.roleArn() + " may not call " + what
                    + " (AccessDenied): give it the discovery role policy (organizations:List*) in the management "
                    + "or delegated-administrator account", e);
        } catch (AwsOrganizationsNotInUseException e) {
            throw new OrganizationUnavailable("The account of " + access.roleArn()
                    + " is not in an organization: use a role in the management or delegated-administrator account", e);
        } catch (ParentNotFoundException e) {
            throw new OrganizationUnavailable(what + ": no such OU or root in this organization (check includeOus)", e);
        } catch (TooManyRequestsException e) {
            throw new OrganizationUnavailable(what + " was still throttled after " + properties.maxAttempts()
                    + " attempts: lower portal.organization.calls-per-second", e);
        } catch (StsException e) {
            throw new OrganizationUnavailable("The portal could not assume the discovery role " + access.roleArn()
                    + " (" + e.awsErrorDetails().errorCode() + "): check its trust policy and external id", e);
        } catch (AwsServiceException e) {
            throw new OrganizationUnavailable(what + " failed: " + e.awsErrorDetails().errorCode() + " "
                    + e.awsErrorDetails().errorMessage(), e);
        } catch (SdkException e) {
            throw new OrganizationUnavailable("Could not reach AWS Organizations as " + access.roleArn() + " ("
                    + what + "): " + e.getMessage(), e);
        }
    }

    private OrganizationsClient client(Access access) {
        return clients.computeIfAbsent(access, a -> {
            var builder = OrganizationsClient.builder()
                    .region(Region.US_EAST_1)
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .credentialsProvider(role(a))
                    .overrideConfiguration(ClientOverrideConfiguration.builder()
                            .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                    .maxAttempts(properties.maxAttempts())
                                    .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(
                                            Duration.ofMillis(500), Duration.ofSeconds(20)))
                                    .build())
                            .addExecutionInterceptor(new ExecutionInterceptor() {
                                @Override
                                public void beforeTransmission(Context.BeforeTransmission context,
                                        ExecutionAttributes attributes) {
                                    if (!limiter.acquirePermission()) {
                                        throw new IllegalStateException("Gave up waiting for the Organizations call rate");
                                    }
                                }
                            })
                            .build());
            if (aws.endpoint() != null) {
                builder.endpointOverride(aws.endpoint());
            }
            return builder.build();
        });
    }

    private StsAssumeRoleCredentialsProvider role(Access access) {
        return roles.computeIfAbsent(access, a -> StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts())
                .refreshRequest(r -> {
                    r.roleArn(a.roleArn()).roleSessionName("vpce-portal-discovery").durationSeconds(3600);
                    if (a.externalId() != null && !a.externalId().isBlank()) {
                        r.externalId(a.externalId());
                    }
                })
                .build());
    }

    private synchronized StsClient sts() {
        if (sts == null) {
            var builder = StsClient.builder().region(Region.US_EAST_1)
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .credentialsProvider(portalCredentials)
                    .overrideConfiguration(ClientOverrideConfiguration.builder()
                            .retryStrategy(AwsRetryStrategy.standardRetryStrategy()).build());
            if (aws.endpoint() != null) {
                builder.endpointOverride(aws.endpoint());
            }
            sts = builder.build();
        }
        return sts;
    }

    @Override
    public synchronized void close() {
        roles.values().forEach(StsAssumeRoleCredentialsProvider::close);
        clients.values().forEach(OrganizationsClient::close);
        if (sts != null) {
            sts.close();
        }
        portalCredentials.close();
    }
}
