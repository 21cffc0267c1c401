package io.vpcportal.provisioning.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.provisioning.ProvisioningDetails;
import io.vpcportal.provisioning.ProvisioningManagement;
import io.vpcportal.request.RequestQueries;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/requests/{id}")
@Tag(name = "Provisioning", description = "The plan, the progress and the AWS calls of a request")
class ProvisioningRestController {

    private final ProvisioningManagement provisioning;
    private final RequestQueries requests;

    ProvisioningRestController(ProvisioningManagement provisioning, RequestQueries requests) {
        this.provisioning = provisioning;
        this.requests = requests;
    }

    @GetMapping("/provisioning")
    @Operation(summary = "The job of an approved request: plan, status, endpoints and every AWS call made")
    ProvisioningDetails progress(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id) {
        requireVisible(me, id);
        return provisioning.progress(id).orElseThrow(() -> new NotFoundException("Request " + id + " is not approved yet"));
    }

    @GetMapping("/plan")
    @Operation(summary = "The AWS calls provisioning would make for this request, computed now")
    List<ProvisioningDetails.PlannedCall> plan(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id) {
        requireVisible(me, id);
        return provisioning.preview(id);
    }

    @PostMapping("/provisioning/retry")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Admins: try a failed provisioning job again")
    void retry(@PathVariable UUID id) {
        provisioning.retry(id);
    }

    private void requireVisible(PortalPrincipal me, UUID id) {
        requests.requireVisible(me, id);
    }
}
