package io.vpcportal.aws.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * The portal's own identity (the SDK's default provider chain: environment, profile, web identity, container or
 * instance role; nothing is stored) and the roles it assumes with it. Assumed-role credentials are kept per (role,
 * external id, session name) until they expire and refreshed before; the cache holds at most {@value #MAX_CACHED_ROLES}
 * of them and closes the least recently used one past that, because session names carry request ids.
 */
public class RoleCredentials implements AutoCloseable {

    static final int MAX_CACHED_ROLES = 256;

    private final URI endpoint;
    private final DefaultCredentialsProvider portal = DefaultCredentialsProvider.builder().build();
    private final Map<String, StsClient> stsClients = new ConcurrentHashMap<>();
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

    /** @param endpoint the emulator endpoint of STS, or null for AWS */
    public RoleCredentials(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The portal's own identity: what assumes the roles, and what signs calls in accounts without a role. */
    public AwsCredentialsProvider portal() {
        return portal;
    }

    /**
     * The credentials of a role, assumed with the external id (when there is one) in STS of the region, for an hour
     * and refreshed before it ends.
     */
    public synchronized AwsCredentialsProvider role(String roleArn, String externalId, String sessionName, String region) {
        String key = roleArn + "|" + (externalId == null ? "" : externalId) + "|" + sessionName;
        return roles.computeIfAbsent(key, k -> StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts(region))
                .refreshRequest(r -> {
                    r.roleArn(roleArn).roleSessionName(sessionName).durationSeconds(3600);
                    if (externalId != null && !externalId.isBlank()) {
                        r.externalId(externalId);
                    }
                })
                .build());
    }

    /** How many assumed roles are cached now (at most {@value #MAX_CACHED_ROLES}). */
    public synchronized int cachedRoles() {
        return roles.size();
    }

    private StsClient sts(String region) {
        return stsClients.computeIfAbsent(region, r -> {
            var builder = StsClient.builder()
                    .region(Region.of(r))
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .credentialsProvider(portal)
                    .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build());
            if (endpoint != null) {
                builder.endpointOverride(endpoint);
            }
            return builder.build();
        });
    }

    @Override
    public synchronized void close() {
        roles.values().forEach(StsAssumeRoleCredentialsProvider::close);
        roles.clear();
        stsClients.values().forEach(StsClient::close);
        portal.close();
    }
}
