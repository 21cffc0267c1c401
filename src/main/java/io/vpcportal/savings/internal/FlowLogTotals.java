package io.vpcportal.savings.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Sums VPC Flow Logs (version 5 custom format, gzip files delivered to S3, the first line naming the fields) per VPC
 * and AWS service: bytes to or from {@code S3} and {@code DYNAMODB} through a gateway endpoint ({@code traffic-path}
 * 7), and the same services' bytes through an internet gateway ({@code traffic-path} 8), which in a VPC with a NAT
 * gateway is traffic that still pays for NAT.
 */
public final class FlowLogTotals {

    static final List<String> SERVICES = List.of("S3", "DYNAMODB");

    private final Map<String, Long> throughGatewayEndpoint = new HashMap<>();
    private final Map<String, Long> throughInternetGateway = new HashMap<>();

    /** Adds one gzip file. Files without the fields needed are skipped as a whole (another log format). */
    public void add(InputStream gzip) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzip),
                StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null) {
                return;
            }
            List<String> fields = List.of(header.strip().split("\\s+"));
            int vpc = fields.indexOf("vpc-id");
            int bytes = fields.indexOf("bytes");
            int path = fields.indexOf("traffic-path");
            int src = fields.indexOf("pkt-src-aws-service");
            int dst = fields.indexOf("pkt-dst-aws-service");
            if (vpc < 0 || bytes < 0 || path < 0 || (src < 0 && dst < 0)) {
                return;
            }
            String line;
            while ((line = reader.readLine()) != null) {
                String[] v = line.strip().split("\\s+");
                if (v.length != fields.size()) {
                    continue;
                }
                String service = service(v, dst);
                if (service == null) {
                    service = service(v, src);
                }
                if (service == null || !v[bytes].chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String key = v[vpc] + "/" + service;
                long b = Long.parseLong(v[bytes]);
                switch (v[path]) {
                    case "7" -> throughGatewayEndpoint.merge(key, b, Long::sum);
                    case "8" -> throughInternetGateway.merge(key, b, Long::sum);
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String service(String[] values, int index) {
        if (index < 0) {
            return null;
        }
        String s = values[index];
        return SERVICES.contains(s) ? s : null;
    }

    /** Bytes of {@code service} through a gateway endpoint in {@code vpcId}. */
    public long viaGatewayEndpoint(String vpcId, String service) {
        return throughGatewayEndpoint.getOrDefault(vpcId + "/" + service, 0L);
    }

    /** Bytes of {@code service} through the internet gateway (so through NAT from private subnets) in {@code vpcId}. */
    public long viaInternetGateway(String vpcId, String service) {
        return throughInternetGateway.getOrDefault(vpcId + "/" + service, 0L);
    }
}
