package io.vpcportal.diagram.web;

import io.vpcportal.diagram.DiagramFormat;
import io.vpcportal.diagram.DiagramManagement;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.request.RequestManagement;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * HTML fragments with the diagrams inline (so their titles work as tooltips and screen readers read them), loaded
 * by htmx into the inventory's VPC page, the request page and the approval view.
 */
@Controller
class DiagramController {

    private final DiagramManagement diagrams;
    private final RequestManagement requests;

    DiagramController(DiagramManagement diagrams, RequestManagement requests) {
        this.diagrams = diagrams;
        this.requests = requests;
    }

    @GetMapping("/diagrams/vpcs/{vpcId}")
    String vpc(@AuthenticationPrincipal PortalPrincipal me, @PathVariable String vpcId, Model model) {
        model.addAttribute("vpcId", vpcId);
        model.addAttribute("svg", diagrams.vpcSvg(me, vpcId).orElse(null));
        model.addAttribute("note", "VPC " + vpcId + " " + DiagramManagement.NOT_IN_INVENTORY);
        return "diagram/fragments :: vpc";
    }

    /** The browser's downloads (the API needs a token): same diagrams, same rules. */
    @GetMapping("/diagrams/vpcs/{vpcId}/file")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal PortalPrincipal me, @PathVariable String vpcId,
            @RequestParam(required = false) String format, @RequestParam(required = false) UUID after,
            @RequestParam(required = false) UUID before) {
        return DiagramRestController.response(diagrams.render(me, vpcId, DiagramFormat.parse(format), before, after),
                true);
    }

    @GetMapping("/diagrams/requests/{id}")
    String request(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, Model model) {
        var request = requests.get(me, id);
        model.addAttribute("request", request);
        model.addAttribute("before", diagrams.requestSvg(me, id, false).orElse(null));
        model.addAttribute("after", diagrams.requestSvg(me, id, true).orElse(null));
        model.addAttribute("note", "VPC " + request.vpcId() + " " + DiagramManagement.NOT_IN_INVENTORY);
        return "diagram/fragments :: request";
    }
}
