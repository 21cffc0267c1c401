package io.vpcportal.catalog.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vpcportal.catalog.CatalogManagement;
import io.vpcportal.catalog.EndpointTemplateDetails;
import io.vpcportal.catalog.TemplateSummary;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.platform.NotFoundException;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/templates")
@Tag(name = "Catalog", description = "Endpoint templates teams can request")
class TemplateRestController {

    private final CatalogManagement catalog;

    TemplateRestController(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "Current templates, with optional free-text search and category")
    List<TemplateSummary> list(@RequestParam(required = false) String q,
            @RequestParam(required = false) String category) {
        return catalog.search(q, category);
    }

    @GetMapping("/{key}")
    @Operation(summary = "The current version of a template, with its form fields and regions")
    EndpointTemplateDetails get(@PathVariable String key) {
        return catalog.current(key).orElseThrow(() -> new NotFoundException("No template '" + key + "'"));
    }

    @GetMapping("/{key}/versions")
    @Operation(summary = "Every version of a template, newest first")
    List<EndpointTemplateDetails> versions(@PathVariable String key) {
        List<EndpointTemplateDetails> history = catalog.history(key);
        if (history.isEmpty()) {
            throw new NotFoundException("No template '" + key + "'");
        }
        return history;
    }

    @PutMapping("/{key}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Save a new version of a template (admins); requests keep the version they used")
    EndpointTemplateDetails edit(@AuthenticationPrincipal PortalPrincipal me, @PathVariable String key,
            @Valid @RequestBody TemplatePayload payload) {
        return catalog.edit(key, payload.toChange(), me.getUsername());
    }
}
