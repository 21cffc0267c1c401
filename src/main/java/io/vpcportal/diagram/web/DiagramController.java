package io.vpcportal.diagram.web;

import io.vpcportal.catalog.CatalogManagement;
import io.vpcportal.diagram.DiagramFormat;
import io.vpcportal.diagram.DiagramManagement;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.platform.web.PageController;
import io.vpcportal.request.RequestQueries;
import io.vpcportal.shared.AwsResourceIds;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * HTML fragments with the diagrams inline (so their titles work as tooltips and screen readers read them), loaded
 * by htmx into the inventory's VPC page, the request page, the approval view and the request form.
 */
@PageController
class DiagramController {

    private final DiagramManagement diagrams;
    private final RequestQueries requests;
    private final CatalogManagement catalog;

    DiagramController(DiagramManagement diagrams, RequestQueries requests, CatalogManagement catalog) {
        this.diagrams = diagrams;
        this.requests = requests;
        this.catalog = catalog;
    }

    /** The fragment for htmx (the VPC page loads it); opened directly, a page of its own in the layout. */
    @GetMapping("/diagrams/vpcs/{vpcId}")
    String vpc(@AuthenticationPrincipal PortalPrincipal me, @PathVariable String vpcId,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        if (!AwsResourceIds.VPC.matches(vpcId)) {
            // not a VPC id at all: no such page, rather than a page about a VPC the next sync might bring
            throw new NotFoundException("This address does not name a VPC");
        }
        model.addAttribute("vpcId", vpcId);
        model.addAttribute("svg", diagrams.vpcSvg(me, vpcId).orElse(null));
        model.addAttribute("note", "VPC " + vpcId + " " + DiagramManagement.NOT_IN_INVENTORY);
        return htmx == null ? "diagram/page" : "diagram/fragments :: vpc";
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
        var pair = diagrams.requestSvgs(me, id);
        model.addAttribute("request", request);
        model.addAttribute("before", pair.map(DiagramManagement.Pair::before).orElse(null));
        model.addAttribute("after", pair.map(DiagramManagement.Pair::after).orElse(null));
        model.addAttribute("note", "VPC " + request.vpcId() + " " + DiagramManagement.NOT_IN_INVENTORY);
        return "diagram/fragments :: request";
    }

    /**
     * The request form's panel: htmx posts the whole form here (CSRF token included) when a field changes, and gets
     * the VPC before and after the endpoints chosen so far; without JavaScript the panel is simply absent.
     */
    @PostMapping("/diagrams/preview")
    String preview(@AuthenticationPrincipal PortalPrincipal me, @ModelAttribute("planForm") PlanForm form,
            BindingResult unreadable, Model model) {
        // a field that does not parse (GB typed as text) is the form's own business: draw without it
        FormPlans.Result plan = FormPlans.of(form, catalog);
        DiagramManagement.FormDiagrams diagrams = this.diagrams.planSvgs(me, plan.plan());
        model.addAttribute("diagrams", diagrams);
        model.addAttribute("notes", plan.notes());
        return "diagram/fragments :: form";
    }
}
