package io.vpcportal.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * One cache of assumed roles: a provider per (role, external id, session), kept and reused, and never more than
 * {@value RoleCredentials#MAX_CACHED_ROLES} of them (session names carry request ids, so an unbounded map would grow
 * with every request). Building a provider calls nothing: STS is asked on the first signed call.
 */
class RoleCredentialsTests {

    private static final String ROLE = "arn:aws:iam::111122223333:role/vpc-endpoint-portal";

    @Test
    void aRoleIsAssumedOncePerExternalIdAndSession() {
        try (RoleCredentials credentials = new RoleCredentials(URI.create("http://127.0.0.1:9"))) {
            AwsCredentialsProvider first = credentials.role(ROLE, "ext-1", "vpce-portal-savings", "eu-west-1");

            assertThat(credentials.role(ROLE, "ext-1", "vpce-portal-savings", "us-east-1")).isSameAs(first);
            assertThat(credentials.role(ROLE, "ext-2", "vpce-portal-savings", "eu-west-1")).isNotSameAs(first);
            assertThat(credentials.role(ROLE, "ext-1", "vpce-portal-discovery", "eu-west-1")).isNotSameAs(first);
            assertThat(credentials.role(ROLE, null, "vpce-portal-savings", "eu-west-1")).isNotSameAs(first);
            assertThat(credentials.cachedRoles()).isEqualTo(4);
            assertThat(credentials.portal()).isNotSameAs(first);
        }
    }

    @Test
    void theCacheKeepsTheMostRecentlyUsedRolesWithinItsBound() {
        try (RoleCredentials credentials = new RoleCredentials(null)) {
            AwsCredentialsProvider kept = credentials.role(ROLE, "ext", "session-0", "eu-west-1");
            AwsCredentialsProvider dropped = credentials.role(ROLE, "ext", "session-1", "eu-west-1");
            for (int i = 2; i < RoleCredentials.MAX_CACHED_ROLES + 40; i++) {
                credentials.role(ROLE, "ext", "session-" + i, "eu-west-1");
                credentials.role(ROLE, "ext", "session-0", "eu-west-1"); // used again and again
            }

            assertThat(credentials.cachedRoles()).isEqualTo(RoleCredentials.MAX_CACHED_ROLES);
            assertThat(credentials.role(ROLE, "ext", "session-0", "eu-west-1")).isSameAs(kept);
            assertThat(credentials.role(ROLE, "ext", "session-1", "eu-west-1")).as("evicted, so assumed anew")
                    .isNotSameAs(dropped);
        }
    }
}
