package io.vpcportal.savings.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpcportal.aws.AwsClients;
import io.vpcportal.aws.AwsProperties;
import io.vpcportal.aws.AwsTarget;
import io.vpcportal.savings.LedgerKind;
import io.vpcportal.savings.SavingsProperties;
import io.vpcportal.savings.internal.MeteredResources.Endpoint;
import io.vpcportal.savings.internal.TrafficMeter.Scope;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/** A day of 1,201 endpoints is read in calls of at most 500 queries, following NextToken within a call. */
class AwsTrafficMeterBatchingTests {

    final List<GetMetricDataRequest> calls = new ArrayList<>();

    @Test
    void queriesAreBatchedWithinCloudWatchsLimitAndEveryPageIsRead() {
        CloudWatchClient fake = (CloudWatchClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CloudWatchClient.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getMetricData")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    GetMetricDataRequest request = args[0] instanceof GetMetricDataRequest r ? r
                            : build(args[0]);
                    calls.add(request);
                    return answer(request);
                });
        AwsTrafficMeter meter = new AwsTrafficMeter(new AwsClients(new AwsProperties("plan", null, null)) {
            @Override
            public CloudWatchClient cloudWatch(AwsTarget target, URI endpoint) {
                return fake;
            }
        }, new SavingsProperties(null, false, null, null));
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < 1201; i++) {
            endpoints.add(new Endpoint("vpce-%017x".formatted(i), LedgerKind.INTERFACE, null, "t", "123456789012",
                    "us-east-1", "vpc-0a1b2c3d", "com.amazonaws.us-east-1.logs", 2));
        }
        LocalDate day = LocalDate.of(2025, 11, 3);

        Map<String, Long> bytes = meter.endpointBytes(new Scope("123456789012", "us-east-1", null, null), endpoints, day);

        // three batches (500, 500, 201); the first answers in two pages
        assertThat(calls).extracting(c -> c.metricDataQueries().size()).containsExactly(500, 500, 500, 201);
        assertThat(calls).allSatisfy(c -> {
            assertThat(c.startTime()).isEqualTo(day.atStartOfDay(ZoneOffset.UTC).toInstant());
            assertThat(c.endTime()).isEqualTo(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            assertThat(c.metricDataQueries()).allSatisfy(q -> {
                assertThat(q.metricStat().period()).isEqualTo(86_400);
                assertThat(q.metricStat().stat()).isEqualTo("Sum");
                assertThat(q.metricStat().metric().namespace()).isEqualTo("AWS/PrivateLinkEndpoints");
            });
        });
        assertThat(bytes).hasSize(1201);
        assertThat(bytes.get("vpce-%017x".formatted(0))).isEqualTo(1000L);
        assertThat(bytes.get("vpce-%017x".formatted(1200))).isEqualTo(1000L);
    }

    @SuppressWarnings("unchecked")
    private static GetMetricDataRequest build(Object consumer) {
        GetMetricDataRequest.Builder builder = GetMetricDataRequest.builder();
        ((Consumer<GetMetricDataRequest.Builder>) consumer).accept(builder);
        return builder.build();
    }

    /** Each query answers 1,000 bytes; the first call of the first batch answers its first half, then the rest. */
    private GetMetricDataResponse answer(GetMetricDataRequest request) {
        var queries = request.metricDataQueries();
        boolean firstPage = calls.size() == 1;
        boolean secondPage = "page-2".equals(request.nextToken());
        List<MetricDataResult> results = new ArrayList<>();
        int from = secondPage ? 250 : 0;
        int to = firstPage ? 250 : queries.size();
        for (int i = from; i < to; i++) {
            results.add(MetricDataResult.builder().id(queries.get(i).id()).values(400.0, 600.0).build());
        }
        return GetMetricDataResponse.builder().metricDataResults(results).nextToken(firstPage ? "page-2" : null).build();
    }
}
