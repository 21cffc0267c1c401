package io.vpcportal.policy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.policy.EndpointPolicyInput;
import io.vpcportal.policy.Finding;
import io.vpcportal.policy.PolicyManagement;
import io.vpcportal.policy.PolicyValidationInput;
import io.vpcportal.policy.PreviewOptions;
import io.vpcportal.policy.SimulationInput;
import io.vpcportal.policy.SimulationResult;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The policy engine over HTTP. Nothing is stored: every call computes its answer from the body and, when an
 * account is named, from that account's policy settings (organization id, break-glass principals).
 */
@RestController
@RequestMapping("/api/v1/policies")
@Tag(name = "Policies", description = "Generate, validate and simulate endpoint and bucket policies")
class PolicyRestController {

    private final PolicyManagement policies;
    private final AccountManagement accounts;

    PolicyRestController(PolicyManagement policies, AccountManagement accounts) {
        this.policies = policies;
        this.accounts = accounts;
    }

    @PostMapping("/preview")
    @Operation(summary = "Generate the endpoint and bucket policies of a request item, with findings and access matrix")
    PolicyPreviewDetails preview(@Valid @RequestBody PolicyPreviewPayload p) {
        Optional<AccountDetails> account = account(p.accountId());
        PreviewOptions options = new PreviewOptions(p.vpcId(), p.endpointIds(), p.bucketRestriction(), p.enforcement(),
                p.currentEndpointPolicy(), p.currentBucketPolicies(),
                p.expectedAccesses() == null ? List.of()
                        : p.expectedAccesses().stream().map(AccessCheckPayload::toCheck).toList());
        return PolicyPreviewDetails.of(policies.preview(new EndpointPolicyInput(p.region(), p.serviceName(),
                p.endpointType(), p.policyChoice(), p.bucketNames(), p.tableNames(), p.customPolicy(),
                account.map(AccountDetails::organizationId).orElse(null),
                account.map(a -> List.copyOf(a.breakGlassPrincipalArns())).orElse(List.of()), p.accountId(), options)));
    }

    @PostMapping("/validate")
    @Operation(summary = "Judge one endpoint or bucket policy: grammar, size, and the portal's rules")
    PolicyValidationDetails validate(@Valid @RequestBody PolicyValidationPayload p) {
        Optional<AccountDetails> account = account(p.accountId());
        List<Finding> findings = policies.validate(new PolicyValidationInput(p.document(), p.kind(), p.serviceName(),
                p.endpointType(), p.region(), p.accountId(), account.map(AccountDetails::organizationId).orElse(null),
                account.map(a -> List.copyOf(a.breakGlassPrincipalArns())).orElse(List.of()), p.bucketName()));
        return new PolicyValidationDetails(findings.stream().noneMatch(Finding::blocking), findings);
    }

    @PostMapping("/simulate")
    @Operation(summary = "Decide an access matrix with an endpoint policy and a bucket policy together")
    PolicySimulationDetails simulate(@Valid @RequestBody PolicySimulationPayload p) {
        Optional<AccountDetails> account = account(p.accountId());
        List<String> orgAccounts = new ArrayList<>(p.organizationAccountIds() == null ? List.of() : p.organizationAccountIds());
        account.ifPresent(a -> a.breakGlassPrincipalArns().forEach(arn -> orgAccounts.add(arn.split(":")[4])));
        SimulationResult result = policies.simulate(new SimulationInput(p.endpointPolicy(), p.bucketPolicy(),
                blankToNull(p.accountId()), account.map(AccountDetails::organizationId).orElse(null), orgAccounts,
                blankToNull(p.vpcId()), blankToNull(p.endpointId()),
                p.matrix().stream().map(AccessCheckPayload::toCheck).toList()));
        return new PolicySimulationDetails(result.decisions(), result.findings());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The named account's settings; every authenticated caller may use them (they are not secret). */
    private Optional<AccountDetails> account(String accountId) {
        if (accountId == null || accountId.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(accounts.find(accountId.strip())
                .orElseThrow(() -> new InvalidInputException("accountId", "is not an account registered in the portal")));
    }
}
