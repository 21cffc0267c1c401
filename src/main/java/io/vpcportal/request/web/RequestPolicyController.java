package io.vpcportal.request.web;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.catalog.CatalogManagement;
import io.vpcportal.catalog.EndpointTemplateDetails;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.web.PageController;
import io.vpcportal.policy.EndpointPolicyInput;
import io.vpcportal.policy.GeneratedPolicies;
import io.vpcportal.policy.PolicyManagement;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestQueries;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The generated policies of a request's endpoints, with their findings and access matrix: on the request page,
 * in the approval view, and live in the form while the requester types (htmx posts the form here).
 */
@PageController
class RequestPolicyController {

    /** One endpoint's generated policies, or why they cannot be generated yet. */
    record ItemPreview(String name, GeneratedPolicies policies, String problem) {
    }

    private final RequestQueries requests;
    private final CatalogManagement catalog;
    private final AccountManagement accounts;
    private final PolicyManagement policies;

    RequestPolicyController(RequestQueries requests, CatalogManagement catalog, AccountManagement accounts,
            PolicyManagement policies) {
        this.requests = requests;
        this.catalog = catalog;
        this.accounts = accounts;
        this.policies = policies;
    }

    @GetMapping("/requests/{id}/policies")
    String stored(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response,
            Model model) {
        response.addHeader("Vary", "HX-Request"); // one address, a fragment for htmx and a page otherwise
        RequestDetails request = requests.get(me, id);
        Optional<AccountDetails> account = accounts.find(request.accountId());
        List<ItemPreview> previews = new ArrayList<>();
        for (RequestDetails.ItemDetails item : request.items()) {
            String name = catalog.version(item.templateKey(), item.templateVersion()).map(EndpointTemplateDetails::name)
                    .orElse(item.templateKey());
            previews.add(preview(name, request.region(), item.serviceName(), item.endpointType(), item.policyChoice(),
                    item.bucketNames(), item.tableNames(), item.customPolicy(), account));
        }
        model.addAttribute("previews", previews);
        if (htmx == null) { // the link of the request page, followed without JavaScript: a whole page
            model.addAttribute("request", request);
            return "request/policies-page";
        }
        return "request/policies :: policies";
    }

    @PostMapping("/requests/policy-preview")
    String live(@AuthenticationPrincipal PortalPrincipal me, @ModelAttribute("form") EndpointRequestForm form,
            Model model) {
        Optional<AccountDetails> account = form.getAccountId() == null ? Optional.empty()
                : accounts.activeUsableBy(me.teams()).stream().filter(a -> a.id().equals(form.getAccountId())).findFirst();
        List<ItemPreview> previews = new ArrayList<>();
        for (ItemForm item : form.getItems()) {
            Optional<EndpointTemplateDetails> template = item.getTemplateKey() == null ? Optional.empty()
                    : catalog.current(item.getTemplateKey());
            if (template.isEmpty()) {
                continue;
            }
            String region = form.getRegion();
            Optional<String> service = region == null ? Optional.empty() : template.get().serviceNameIn(
                    item.getServiceRegion() == null || item.getServiceRegion().isBlank() ? region : item.getServiceRegion());
            if (account.isEmpty() || service.isEmpty()) {
                previews.add(new ItemPreview(template.get().name(), null,
                        "Choose the account and a region where the service exists to see its policies."));
                continue;
            }
            previews.add(preview(template.get().name(), region, service.get(), template.get().endpointType().name(),
                    item.getPolicyChoice(), ItemForm.split(item.getBucketNames()), ItemForm.split(item.getTableNames()),
                    item.getCustomPolicy() == null || item.getCustomPolicy().isBlank() ? null : item.getCustomPolicy(),
                    account));
        }
        model.addAttribute("previews", previews);
        return "request/policies :: policies";
    }

    private ItemPreview preview(String name, String region, String serviceName, String endpointType, String policyChoice,
            List<String> buckets, List<String> tables, String customPolicy, Optional<AccountDetails> account) {
        try {
            return new ItemPreview(name, policies.preview(new EndpointPolicyInput(region, serviceName, endpointType,
                    policyChoice, buckets, tables, customPolicy, account.map(AccountDetails::organizationId).orElse(null),
                    account.map(a -> List.copyOf(a.breakGlassPrincipalArns())).orElse(List.of()),
                    account.map(AccountDetails::id).orElse(null))), null);
        } catch (InvalidInputException e) {
            return new ItemPreview(name, null, String.join("; ", e.violations().stream()
                    .map(v -> v.field() + " " + v.message()).toList()));
        }
    }
}
