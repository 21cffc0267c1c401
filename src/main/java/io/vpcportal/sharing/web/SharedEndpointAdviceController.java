package io.vpcportal.sharing.web;

import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.inventory.RegionNetworks;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.web.PageController;
import io.vpcportal.sharing.SharedEndpointAdvisor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The shared interface endpoint advice page: a small form (region, optional hub VPC) and, for a valid choice, the
 * advice with every line's price and measured bytes. Bad input is shown beside its field.
 */
@PageController
class SharedEndpointAdviceController {

    private final SharedEndpointAdvisor advisor;
    private final RegionNetworks networks;

    SharedEndpointAdviceController(SharedEndpointAdvisor advisor, RegionNetworks networks) {
        this.advisor = advisor;
        this.networks = networks;
    }

    @GetMapping("/advice/shared-endpoints")
    String page(@AuthenticationPrincipal PortalPrincipal me, @RequestParam(required = false) String region,
            @RequestParam(required = false) String hubVpcId, Model model) {
        model.addAttribute("regions", networks.regions());
        model.addAttribute("region", region);
        model.addAttribute("hubVpcId", hubVpcId);
        if (region != null) {
            try {
                model.addAttribute("advice", advisor.advise(me, region, hubVpcId));
            } catch (InvalidInputException e) {
                Map<String, String> errors = new LinkedHashMap<>();
                e.violations().forEach(v -> errors.putIfAbsent(v.field(), v.message()));
                model.addAttribute("errors", errors);
            }
        }
        return "sharing/advice";
    }
}
