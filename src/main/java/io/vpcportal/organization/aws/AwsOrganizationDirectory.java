package io.vpcportal.organization.aws;

import io.vpcportal.aws.AwsClients;
import io.vpcportal.aws.AwsTarget;
import io.vpcportal.organization.OrganizationProperties;
import io.vpcportal.organization.OrganizationUnavailable;
import io.vpcportal.organization.internal.OrganizationDirectory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.ParentNotFoundException;
import software.amazon.awssdk.services.organizations.model.Root;
import software.amazon.awssdk.services.organizations.model.TooManyRequestsException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Reads AWS Organizations through the discovery role (assumed with its external id, session
 * {@code vpce-portal-discovery}), with the client of {@link AwsClients}. Organizations throttles per organization, so
 * every attempt of every call takes a permit of one rate limiter ({@code portal.organization.calls-per-second});
 * throttled calls ({@code TooManyRequestsException}) are retried with exponential backoff, up to {@code max-attempts}.
 */
@Component
class AwsOrganizationDirectory implements OrganizationDirectory {

    /** Names the STS session of the discovery in CloudTrail. */
    static final String TASK = "discovery";

    private final AwsClients clients;
    private final OrganizationProperties properties;

    AwsOrganizationDirectory(AwsClients clients, OrganizationProperties properties) {
        this.clients = clients;
        this.properties = properties;
    }

    @Override
    public List<String> roots(Access access) {
        return call(access, "ListRoots", () -> client().listRootsPaginator(r -> r.overrideConfiguration(as(access)))
                .stream().flatMap(page -> page.roots().stream()).map(Root::id).toList());
    }

    @Override
    public List<String> childOus(Access access, String parentId) {
        return call(access, "ListOrganizationalUnitsForParent " + parentId, () -> client()
                .listOrganizationalUnitsForParentPaginator(r -> r.overrideConfiguration(as(access)).parentId(parentId))
                .stream().flatMap(page -> page.organizationalUnits().stream())
                .map(OrganizationalUnit::id).toList());
    }

    @Override
    public List<Member> accounts(Access access, String parentId) {
        return call(access, "ListAccountsForParent " + parentId, () -> client()
                .listAccountsForParentPaginator(r -> r.overrideConfiguration(as(access)).parentId(parentId)).stream()
                .flatMap(page -> page.accounts().stream())
                .map(AwsOrganizationDirectory::member).toList());
    }

    @Override
    public Map<String, String> tags(Access access, String accountId) {
        return call(access, "ListTagsForResource " + accountId, () -> {
            Map<String, String> tags = new TreeMap<>();
            client().listTagsForResourcePaginator(r -> r.overrideConfiguration(as(access)).resourceId(accountId)).tags()
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

    private OrganizationsClient client() {
        return clients.organizations(properties.maxAttempts(), properties.callsPerSecond());
    }

    /** Signs a call with the discovery role; the role's account is not known before the first call, nor needed. */
    private AwsRequestOverrideConfiguration as(Access access) {
        return clients.as(AwsTarget.forTask(TASK, null, "us-east-1", access.roleArn(), access.externalId()));
    }
}
