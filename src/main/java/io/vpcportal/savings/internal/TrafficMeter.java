package io.vpcportal.savings.internal;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reads measured traffic from AWS for one account and region; the only adapter is in {@code savings.aws}. */
public interface TrafficMeter {

    /** Bytes processed on {@code day} (UTC) by each interface or GWLB endpoint (CloudWatch AWS/PrivateLinkEndpoints). */
    Map<String, Long> endpointBytes(Scope scope, List<MeteredResources.Endpoint> endpoints, LocalDate day);

    /** Bytes processed on {@code day} by each NAT gateway (CloudWatch AWS/NATGateway). */
    Map<String, Long> natGatewayBytes(Scope scope, List<String> natGatewayIds, LocalDate day);

    /** Hands each flow-log file delivered for {@code day} under the bucket and prefix to {@code file} (gzip content). */
    void flowLogFiles(Scope scope, String bucket, String prefix, LocalDate day, Consumer<InputStream> file);

    /** Where to call: an account's role (or the portal's own identity) in a region. */
    record Scope(String accountId, String region, String roleArn, String externalId) {
    }

    /** AWS refused or failed a call; the account's day is then left as it was. */
    class MeteringFailed extends RuntimeException {

        private final String code;

        public MeteringFailed(String message, Throwable cause) {
            this(message, null, cause);
        }

        /** {@code code}: AWS's error code, when AWS answered with one (e.g. {@code Throttling}). */
        public MeteringFailed(String message, String code, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
