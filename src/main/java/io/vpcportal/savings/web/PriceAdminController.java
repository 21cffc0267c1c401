package io.vpcportal.savings.web;

import io.vpcportal.account.AccountManagement;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.web.PageController;
import io.vpcportal.savings.PriceImport;
import io.vpcportal.savings.SavingsManagement;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins: the price catalog, offer file uploads, flow-log locations, and pricing the ledger again. */
@PageController
@PreAuthorize("hasRole('ADMIN')")
class PriceAdminController {

    private final SavingsManagement savings;
    private final AccountManagement accounts;

    PriceAdminController(SavingsManagement savings, AccountManagement accounts) {
        this.savings = savings;
        this.accounts = accounts;
    }

    @GetMapping("/admin/prices")
    String prices(Model model) {
        model.addAttribute("prices", savings.prices());
        model.addAttribute("regions", savings.pricedRegions());
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("flowLogs", savings.flowLogLocations());
        return "savings/prices";
    }

    /** An AWS Price List offer file (index.csv or index.json, told apart by content): its prices correct those of the same effective date. */
    @PostMapping("/admin/prices")
    String upload(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("error", "Choose an offer file (index.csv or index.json) to upload.");
            return "redirect:/admin/prices";
        }
        try (InputStream in = file.getInputStream()) {
            PriceImport result = savings.importPrices(in, "upload " + file.getOriginalFilename(), true);
            redirect.addFlashAttribute("message", "Read " + result.rowsRead() + " rows of " + file.getOriginalFilename()
                    + ": " + result.pricesFound() + " prices for " + result.regions() + ", " + result.changed()
                    + " added or corrected.");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", file.getOriginalFilename() + ": " + e.violations().get(0).message());
        }
        return "redirect:/admin/prices";
    }

    @PostMapping("/admin/prices/flow-logs")
    String flowLogs(@RequestParam String accountId, @RequestParam(required = false) String bucket,
            @RequestParam(required = false) String prefix, RedirectAttributes redirect) {
        if (accounts.find(accountId).isEmpty()) {
            redirect.addFlashAttribute("error", "No account " + accountId);
            return "redirect:/admin/prices";
        }
        try {
            savings.flowLogLocation(accountId, bucket, prefix);
            redirect.addFlashAttribute("message", bucket == null || bucket.isBlank()
                    ? "Flow logs of " + accountId + " are no longer read."
                    : "Flow logs of " + accountId + " are read from s3://" + bucket.strip() + "/" + (prefix == null ? "" : prefix.strip()));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", "Bucket " + e.violations().get(0).message());
        }
        return "redirect:/admin/prices";
    }

    @PostMapping("/admin/prices/reprice")
    String reprice(RedirectAttributes redirect) {
        savings.reprice();
        redirect.addFlashAttribute("message", "The ledger was priced again with the catalog as it is.");
        return "redirect:/admin/prices";
    }
}
