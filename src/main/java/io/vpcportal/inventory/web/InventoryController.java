package io.vpcportal.inventory.web;

import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.Role;
import io.vpcportal.inventory.DemoSnapshots;
import io.vpcportal.inventory.DriftResolution;
import io.vpcportal.inventory.EndpointAdoption;
import io.vpcportal.inventory.EndpointPage;
import io.vpcportal.inventory.InventoryReads;
import io.vpcportal.inventory.InventorySync;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.ForbiddenException;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.platform.UnprocessableException;
import io.vpcportal.platform.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inventory pages: the table with filters and CSV, an endpoint, a VPC, and the sync with its progress. */
@PageController
class InventoryController {

    private static final int PAGE_SIZE = 50;

    private final InventoryReads inventory;
    private final EndpointAdoption adoption;
    private final DriftResolution drift;
    private final InventorySync sync;
    private final DemoSnapshots demo;

    InventoryController(InventoryReads inventory, EndpointAdoption adoption, DriftResolution drift,
            InventorySync sync, DemoSnapshots demo) {
        this.inventory = inventory;
        this.adoption = adoption;
        this.drift = drift;
        this.sync = sync;
        this.demo = demo;
    }

    /** Every inventory page says so when its rows are the demo profile's seed rather than what AWS reported. */
    @ModelAttribute("demoData")
    boolean demoData() {
        return demo.present();
    }

    @GetMapping("/inventory")
    String list(@AuthenticationPrincipal PortalPrincipal me, @ModelAttribute("query") InventoryQuery query,
            @RequestParam(required = false) String cursor, Model model) {
        try {
            EndpointPage page = inventory.endpoints(me, query.filter(), cursor, PAGE_SIZE);
            model.addAttribute("rows", page.items());
            model.addAttribute("nextCursor", page.nextCursor());
        } catch (InvalidInputException e) {
            model.addAttribute("rows", List.of());
            model.addAttribute("failure", "Field '" + e.violations().get(0).field() + "' "
                    + e.violations().get(0).message());
        }
        model.addAttribute("firstPage", cursor == null || cursor.isBlank());
        model.addAttribute("coverage", inventory.coverage(me));
        model.addAttribute("enabled", sync.enabled());
        if (me.hasRole(Role.ADMIN) || me.hasRole(Role.APPROVER)) {
            // runs span every account: their errors are for those who see every account
            sync.runs(1).stream().findFirst().ifPresent(r -> model.addAttribute("lastRun", r));
        }
        return "inventory/list";
    }

    @GetMapping("/inventory.csv")
    void export(@AuthenticationPrincipal PortalPrincipal me, @ModelAttribute("query") InventoryQuery query,
            HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8; header=present");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"inventory.csv\"");
        Writer writer = response.getWriter();
        InventoryCsv csv = new InventoryCsv(writer);
        csv.header();
        inventory.forEachEndpoint(me, query.filter(), csv::row);
        writer.flush();
    }

    @GetMapping("/inventory/endpoints/{id}")
    String endpoint(@AuthenticationPrincipal PortalPrincipal me, @PathVariable String id, Model model) {
        var details = inventory.endpoint(me, id);
        model.addAttribute("e", details);
        model.addAttribute("mayRequestAdoption", !details.summary().managed()
                && adoption.mayRequestAdoption(me, details.summary()));
        return "inventory/endpoint";
    }

    @GetMapping("/inventory/vpcs/{vpcId}")
    String vpc(@AuthenticationPrincipal PortalPrincipal me, @PathVariable String vpcId, Model model) {
        model.addAttribute("vpc", inventory.vpc(me, vpcId));
        return "inventory/vpc";
    }

    /** Admins adopt directly; members of a team that may use the account ask for it (a request for approval). */
    @PostMapping("/inventory/endpoints/{id}/adopt")
    String adopt(@AuthenticationPrincipal PortalPrincipal me, @PathVariable String id,
            @RequestParam(required = false) String team, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            if (me.hasRole(Role.ADMIN)) {
                var adopted = adoption.adopt(me, id, team);
                redirect.addFlashAttribute("flash", "Adopted: request " + adopted.summary().requestId() + " now manages " + id);
            } else {
                var request = adoption.requestAdoption(me, id, team, reason);
                redirect.addFlashAttribute("flash", "Adoption requested: request " + request.id() + " waits for "
                        + "approval; once approved the endpoint is tagged and the next sync shows it managed");
            }
        } catch (InvalidInputException | ConflictException | UnprocessableException
                | ForbiddenException e) {
            redirect.addFlashAttribute("failure", message(e));
        }
        return "redirect:/inventory/endpoints/" + id;
    }

    @PostMapping("/inventory/endpoints/{id}/accept")
    @PreAuthorize("hasRole('ADMIN')")
    String accept(@AuthenticationPrincipal PortalPrincipal me, @PathVariable String id,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            drift.acceptDrift(me, id, reason);
            redirect.addFlashAttribute("flash", "The actual state of " + id + " is now its approved state");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("failure", message(e));
        }
        return "redirect:/inventory/endpoints/" + id;
    }

    @PostMapping("/inventory/endpoints/{id}/reconcile")
    String reconcile(@AuthenticationPrincipal PortalPrincipal me, @PathVariable String id,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            var change = drift.reconcile(me, id, reason);
            redirect.addFlashAttribute("flash", "Change request " + change.id() + " restores the approved state of "
                    + id + " once it is approved");
        } catch (InvalidInputException | ConflictException | UnprocessableException
                | ForbiddenException e) {
            redirect.addFlashAttribute("failure", message(e));
        }
        return "redirect:/inventory/endpoints/" + id;
    }

    @PostMapping("/inventory/sync")
    @PreAuthorize("hasRole('ADMIN')")
    String sync(@AuthenticationPrincipal PortalPrincipal me, RedirectAttributes redirect) {
        try {
            sync.syncNow(me);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/inventory";
    }

    /** Admins: cancel the run in progress (pending units dropped, running ones finish). */
    @PostMapping("/inventory/sync/{runId}/cancel")
    @PreAuthorize("hasRole('ADMIN')")
    String cancel(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID runId, RedirectAttributes redirect) {
        try {
            sync.cancel(me, runId);
            redirect.addFlashAttribute("flash", "Sync " + runId + " cancelled: units already running finish, the "
                    + "others are dropped");
        } catch (ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/inventory";
    }

    /** The progress fragment, polled by the page while a run is in progress. */
    @GetMapping("/inventory/sync/{runId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'APPROVER')")
    String progress(@PathVariable UUID runId, Model model) {
        model.addAttribute("lastRun", sync.run(runId).orElse(null));
        return "inventory/list :: progress";
    }

    private static String message(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return invalid.violations().get(0).field() + " " + invalid.violations().get(0).message();
        }
        return e.getMessage();
    }
}
