package io.vpcportal.aws.internal;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import java.time.Duration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * EC2's request limits are per account and region and shared with every other tool there, so the portal
 * keeps its own calls under a rate per (account, region). A permit is taken before every HTTP attempt, so the
 * SDK's own retries of a throttled call count against the limit too. A few services are limited elsewhere (AWS
 * Organizations per organization): they get a named limiter of their own rate.
 */
public class CallRateLimits {

    private final RateLimiterRegistry registry;

    public CallRateLimits(double callsPerSecond) {
        this.registry = RateLimiterRegistry.of(spaced(callsPerSecond, Duration.ofMinutes(2)));
    }

    /**
     * One permit per 1/rate: calls are spaced evenly, so no sliding second holds more than rate + 1 of them (a fixed
     * window of `rate` permits a second lets twice the rate through across a window boundary).
     */
    private static RateLimiterConfig spaced(double callsPerSecond, Duration patience) {
        return RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(Math.round(1_000_000_000d / callsPerSecond)))
                .timeoutDuration(patience)
                .build();
    }

    /** Waits for a permit of the (account, region); gives up after two minutes. */
    public void acquire(String accountId, String region) {
        take(registry.rateLimiter(accountId + "/" + region), accountId + "/" + region);
    }

    /** Takes a permit of the (account, region) before each attempt of each call of the client it is added to. */
    public ExecutionInterceptor perAttempt(String accountId, String region) {
        return beforeEachAttempt(() -> acquire(accountId, region));
    }

    /**
     * Takes a permit of the named limiter (its rate fixed by the first caller) before each attempt; waits up to five
     * minutes, for services whose calls are few but slow to be allowed (AWS Organizations).
     */
    public ExecutionInterceptor perAttempt(String name, double callsPerSecond) {
        RateLimiter limiter = registry.rateLimiter("named:" + name, spaced(callsPerSecond, Duration.ofMinutes(5)));
        return beforeEachAttempt(() -> take(limiter, name));
    }

    private static void take(RateLimiter limiter, String what) {
        if (!limiter.acquirePermission()) {
            throw new IllegalStateException("Gave up waiting for the call rate limit of " + what);
        }
    }

    private static ExecutionInterceptor beforeEachAttempt(Runnable permit) {
        return new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                permit.run();
            }
        };
    }
}
