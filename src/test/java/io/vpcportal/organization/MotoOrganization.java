package io.vpcportal.organization;

import io.vpcportal.MotoAccounts;
import io.vpcportal.MotoServer;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Tag;

/**
 * A fresh AWS organization in the shared moto server, its management account a random one (moto keeps one
 * organization per management account), built the way an admin would: OUs, accounts, tags, moves, closures. The
 * portal reaches it through {@link MotoAccounts#roleOf} of the management account with its external id.
 */
final class MotoOrganization implements AutoCloseable {

    final String managementAccount;
    final String rootId;
    private final OrganizationsClient client;

    MotoOrganization() {
        managementAccount = "5" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        client = OrganizationsClient.builder().region(Region.US_EAST_1).endpointOverride(MotoServer.shared().endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(MotoAccounts.credentialsOf(managementAccount, "us-east-1")).build();
        client.createOrganization(r -> r.featureSet("ALL"));
        rootId = client.listRoots().roots().get(0).id();
    }

    String discoveryRole() {
        return MotoAccounts.roleOf(managementAccount);
    }

    String externalId() {
        return MotoAccounts.externalIdOf(managementAccount);
    }

    String ou(String parentId, String name) {
        return client.createOrganizationalUnit(r -> r.parentId(parentId).name(name)).organizationalUnit().id();
    }

    /** A new account, created under the root and moved to {@code parentId}. */
    String account(String name, String parentId) {
        String id = client.createAccount(r -> r.accountName(name).email(name.replace(' ', '-') + "@example.com"))
                .createAccountStatus().accountId();
        if (!parentId.equals(rootId)) {
            move(id, rootId, parentId);
        }
        return id;
    }

    void move(String accountId, String from, String to) {
        client.moveAccount(r -> r.accountId(accountId).sourceParentId(from).destinationParentId(to));
    }

    void tag(String accountId, String key, String value) {
        client.tagResource(r -> r.resourceId(accountId).tags(Tag.builder().key(key).value(value).build()));
    }

    void closeAccount(String accountId) {
        client.closeAccount(r -> r.accountId(accountId));
    }

    @Override
    public void close() {
        client.close();
    }
}
