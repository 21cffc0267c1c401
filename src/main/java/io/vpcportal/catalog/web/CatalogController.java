package io.vpcportal.catalog.web;

import io.vpcportal.catalog.CatalogManagement;
import io.vpcportal.catalog.EndpointTemplateDetails;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.platform.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The catalog as requesters browse it: search, categories, a template's page. */
@PageController
@RequestMapping("/catalog")
class CatalogController {

    private final CatalogManagement catalog;

    CatalogController(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    String index(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
            Model model) {
        model.addAttribute("templates", catalog.search(q, category));
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("q", q);
        model.addAttribute("category", category);
        return "catalog/index";
    }

    @GetMapping("/{key}")
    String template(@PathVariable String key, Model model) {
        EndpointTemplateDetails template = catalog.current(key)
                .orElseThrow(() -> new NotFoundException("No template '" + key + "'"));
        model.addAttribute("template", template);
        model.addAttribute("history", catalog.history(key));
        return "catalog/template";
    }
}
