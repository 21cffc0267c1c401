package io.vpcportal.request.web;

import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.request.RequestFilter;
import io.vpcportal.request.RequestManagement;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: quick starts for the reference architectures and the user's latest requests. */
@Controller
class HomeController {

    private final RequestManagement requests;

    HomeController(RequestManagement requests) {
        this.requests = requests;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal PortalPrincipal me, Model model) {
        model.addAttribute("recent", requests.list(me, new RequestFilter(null, null, null, true), null, 5).items());
        return "home";
    }
}
