package io.vpcportal.sharing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.sharing.SharedEndpointAdvice;
import io.vpcportal.sharing.SharedEndpointAdvisor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shared interface endpoint advice as JSON, for everyone signed in (scoped to the caller's VPCs). */
@RestController
@Tag(name = "Shared endpoint advice",
        description = "Where one hub VPC's interface endpoints cost less than one per VPC")
class SharedEndpointAdviceRestController {

    private final SharedEndpointAdvisor advisor;

    SharedEndpointAdviceRestController(SharedEndpointAdvisor advisor) {
        this.advisor = advisor;
    }

    @Operation(summary = "What serving a region's VPCs from a hub VPC's interface endpoints would save, per service",
            description = "Monthly figures (730 h) from the inventory, the measured traffic and the price catalog; "
                    + "every line names its price (usage type, unit price, effective date, source) and its measured "
                    + "bytes. 400 problem+json for a missing or unknown region or a hubVpcId in another region.")
    @GetMapping("/api/v1/advice/shared-endpoints")
    SharedEndpointAdvice advice(@AuthenticationPrincipal PortalPrincipal me,
            @RequestParam(required = false) String region, @RequestParam(required = false) String hubVpcId) {
        return advisor.advise(me, region, hubVpcId);
    }
}
