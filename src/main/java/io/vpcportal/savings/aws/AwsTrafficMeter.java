package io.vpcportal.savings.aws;

import io.vpcportal.savings.LedgerKind;
import io.vpcportal.savings.internal.MeteredResources.Endpoint;
import io.vpcportal.savings.internal.TrafficMeter;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Measured traffic from CloudWatch ({@code GetMetricData}, daily sums, at most 500 queries a call) and from flow-log
 * files in S3. SDK errors become {@link TrafficMeter.MeteringFailed}.
 */
@Component
class AwsTrafficMeter implements TrafficMeter {

    /** CloudWatch's limit of queries in one GetMetricData call. */
    static final int MAX_QUERIES = 500;
    static final List<String> NAT_PROCESSED = List.of("BytesInFromSource", "BytesInFromDestination");

    private final SavingsAwsClients clients;

    AwsTrafficMeter(SavingsAwsClients clients) {
        this.clients = clients;
    }

    @Override
    public Map<String, Long> endpointBytes(Scope scope, List<Endpoint> endpoints, LocalDate day) {
        List<Query> queries = new ArrayList<>();
        for (Endpoint e : endpoints) {
            queries.add(new Query(e.endpointId(), "AWS/PrivateLinkEndpoints", "BytesProcessed", List.of(
                    dimension("Endpoint Type", e.kind() == LedgerKind.GATEWAY_LOAD_BALANCER ? "GatewayLoadBalancer" : "Interface"),
                    dimension("Service Name", e.serviceName()), dimension("VPC Endpoint Id", e.endpointId()),
                    dimension("VPC Id", e.vpcId()))));
        }
        return sums(scope, queries, day);
    }

    @Override
    public Map<String, Long> natGatewayBytes(Scope scope, List<String> natGatewayIds, LocalDate day) {
        List<Query> queries = new ArrayList<>();
        for (String id : natGatewayIds) {
            for (String metric : NAT_PROCESSED) {
                queries.add(new Query(id, "AWS/NATGateway", metric, List.of(dimension("NatGatewayId", id))));
            }
        }
        return sums(scope, queries, day);
    }

    @Override
    public void flowLogFiles(Scope scope, String bucket, String prefix, LocalDate day, Consumer<InputStream> file) {
        String folder = (prefix == null || prefix.isBlank() ? "" : prefix.replaceAll("/+$", "") + "/")
                + "AWSLogs/" + scope.accountId() + "/vpcflowlogs/" + scope.region() + "/"
                + String.format("%04d/%02d/%02d/", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
        try {
            S3Client s3 = clients.s3(scope);
            for (S3Object object : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(folder)).contents()) {
                if (!object.key().endsWith(".log.gz")) {
                    continue;
                }
                try (InputStream in = s3.getObject(r -> r.bucket(bucket).key(object.key()))) {
                    file.accept(in);
                }
            }
        } catch (SdkException | IOException e) {
            throw new MeteringFailed("flow logs in s3://" + bucket + "/" + folder + ": " + e.getMessage(), code(e), e);
        }
    }

    private record Query(String resourceId, String namespace, String metric, List<Dimension> dimensions) {
    }

    /** Daily sums per resource, in batches of at most {@value #MAX_QUERIES} queries, following NextToken. */
    private Map<String, Long> sums(Scope scope, List<Query> queries, LocalDate day) {
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Long> bytes = new HashMap<>();
        CloudWatchClient cloudWatch = clients.cloudWatch(scope);
        try {
            for (int from = 0; from < queries.size(); from += MAX_QUERIES) {
                List<Query> batch = queries.subList(from, Math.min(queries.size(), from + MAX_QUERIES));
                List<MetricDataQuery> request = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    Query q = batch.get(i);
                    request.add(MetricDataQuery.builder().id("q" + i).returnData(true)
                            .metricStat(s -> s.period(86_400).stat("Sum").metric(m -> m.namespace(q.namespace())
                                    .metricName(q.metric()).dimensions(q.dimensions())))
                            .build());
                }
                String next = null;
                do {
                    String token = next;
                    GetMetricDataResponse response = cloudWatch.getMetricData(r -> r.metricDataQueries(request)
                            .startTime(start).endTime(end).nextToken(token));
                    for (MetricDataResult result : response.metricDataResults()) {
                        Query q = batch.get(Integer.parseInt(result.id().substring(1)));
                        double sum = result.values().stream().mapToDouble(Double::doubleValue).sum();
                        bytes.merge(q.resourceId(), Math.round(sum), Long::sum);
                    }
                    next = response.nextToken();
                } while (next != null);
            }
        } catch (SdkException e) {
            throw new MeteringFailed("CloudWatch GetMetricData in " + scope.accountId() + " " + scope.region() + ": "
                    + e.getMessage(), code(e), e);
        }
        return bytes;
    }

    /** AWS's error code of a failed call, or null (no answer, or not an AWS error). */
    private static String code(Exception e) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
                return aws.awsErrorDetails().errorCode();
            }
            t = t.getCause();
        }
        return null;
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }
}
