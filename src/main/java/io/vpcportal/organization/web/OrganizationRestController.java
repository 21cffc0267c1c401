package io.vpcportal.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.organization.DiscoveryReport;
import io.vpcportal.organization.DiscoveryRun;
import io.vpcportal.organization.OrganizationDiscovery;
import io.vpcportal.organization.OrganizationSource;
import io.vpcportal.organization.OrganizationSources;
import io.vpcportal.platform.NotFoundException;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organization")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Organization", description = "Accounts discovered from AWS Organizations (admins)")
class OrganizationRestController {

    private final OrganizationSources sources;
    private final OrganizationDiscovery discovery;

    OrganizationRestController(OrganizationSources sources, OrganizationDiscovery discovery) {
        this.sources = sources;
        this.discovery = discovery;
    }

    @GetMapping
    @Operation(summary = "The organization source (404 while none is saved)")
    OrganizationSource get() {
        return sources.current().orElseThrow(() -> new NotFoundException("No organization source is configured"));
    }

    @PutMapping
    @Operation(summary = "Save the organization source; 400 naming the field, nothing saved, when a value is wrong")
    OrganizationSource put(@AuthenticationPrincipal PortalPrincipal me, @Valid @RequestBody OrganizationSourcePayload payload) {
        return sources.save(payload.toSource(), me.getUsername());
    }

    @PostMapping("/discover")
    @Operation(summary = "Discover now: accounts added, updated, deactivated, unchanged; a dry run writes nothing")
    DiscoveryReport discover(@AuthenticationPrincipal PortalPrincipal me, @Valid @RequestBody DiscoverPayload payload) {
        return discovery.discover(payload.dryRun(), me.getUsername());
    }

    @GetMapping("/runs")
    @Operation(summary = "The latest discovery runs, newest first")
    List<DiscoveryRun> runs(@RequestParam(name = "limit", defaultValue = "20") int limit) {
        return discovery.recentRuns(limit);
    }
}
