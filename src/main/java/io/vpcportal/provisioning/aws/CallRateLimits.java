package io.vpcportal.provisioning.aws;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.vpcportal.provisioning.AwsProperties;
import java.time.Duration;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * EC2's request limits are per account and region and shared with every other tool there, so the portal
 * keeps its own calls under a rate per (account, region). A permit is taken before every HTTP attempt, so the
 * SDK's own retries of a throttled call count against the limit too.
 */
@Component
class CallRateLimits {

    private final RateLimiterRegistry registry;

    CallRateLimits(AwsProperties properties) {
        // one permit per 1/rate: calls are spaced evenly, so no sliding second holds more than rate + 1 of them
        // (a fixed window of `rate` permits a second lets twice the rate through across a window boundary)
        this.registry = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(Math.round(1_000_000_000d / properties.callsPerSecond())))
                .timeoutDuration(Duration.ofMinutes(2))
                .build());
    }

    void acquire(String accountId, String region) {
        RateLimiter limiter = registry.rateLimiter(accountId + "/" + region);
        if (!limiter.acquirePermission()) {
            throw new IllegalStateException("Gave up waiting for the call rate limit of " + accountId + "/" + region);
        }
    }

    /** Takes a permit of the (account, region) before each attempt of each call of the client it is added to. */
    ExecutionInterceptor perAttempt(String accountId, String region) {
        return new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                acquire(accountId, region);
            }
        };
    }
}
