package io.vpcportal.request.web;

import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.catalog.CatalogManagement;
import io.vpcportal.catalog.EndpointTemplateDetails;
import io.vpcportal.catalog.PolicyChoice;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.Role;
import io.vpcportal.platform.ConflictException;
import io.vpcportal.platform.ForbiddenException;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.UnprocessableException;
import io.vpcportal.platform.web.FormErrors;
import io.vpcportal.platform.web.PageController;
import io.vpcportal.request.CreatedRequest;
import io.vpcportal.request.QuickStartVpcs;
import io.vpcportal.request.RequestChanges;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestDrafts;
import io.vpcportal.request.RequestFilter;
import io.vpcportal.request.RequestQueries;
import io.vpcportal.request.RequestStatus;
import io.vpcportal.shared.AwsRegion;
import io.vpcportal.shared.TeamId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Request pages: the templated form, the list, the detail with its timeline, submit and cancel. Changing an
 * ACTIVE request's endpoints and decommissioning them are {@link RequestChangeController}'s. Just over 300 lines: the
 * form's handlers (new, revise, its live fragments) read and bind the same form and belong together.
 */
@PageController
@RequestMapping("/requests")
class RequestController {

    static final int PICKER_SELECT_LIMIT = 50;
    static final int PICKER_OPTIONS = 20;

    private static final int PAGE_SIZE = 20;

    private final RequestQueries requests;
    private final RequestDrafts drafts;
    private final RequestChanges changes;
    private final CatalogManagement catalog;
    private final AccountManagement accounts;
    private final List<QuickStartVpcs> quickStarts;

    RequestController(RequestQueries requests, RequestDrafts drafts, RequestChanges changes,
            CatalogManagement catalog, AccountManagement accounts,
            ObjectProvider<QuickStartVpcs> quickStarts) {
        this.requests = requests;
        this.drafts = drafts;
        this.changes = changes;
        this.catalog = catalog;
        this.accounts = accounts;
        this.quickStarts = quickStarts.orderedStream().toList();
    }

    @GetMapping
    String list(@AuthenticationPrincipal PortalPrincipal me, @RequestParam(required = false) RequestStatus status,
            @RequestParam(required = false) String team, @RequestParam(required = false) String account,
            @RequestParam(defaultValue = "false") boolean mine, @RequestParam(required = false) String cursor,
            Model model) {
        model.addAttribute("page", requests.list(me, new RequestFilter(status, team, account, mine), cursor, PAGE_SIZE));
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("team", team);
        model.addAttribute("account", account);
        model.addAttribute("mine", mine);
        model.addAttribute("firstPage", cursor == null || cursor.isBlank());
        model.addAttribute("teams", me.teams().stream().map(TeamId::value).sorted().toList());
        return "request/list";
    }

    @GetMapping("/new")
    String newRequest(@AuthenticationPrincipal PortalPrincipal me,
            @RequestParam(name = "template", required = false) List<String> templateKeys,
            @RequestParam(name = "account", required = false) String account,
            @RequestParam(name = "region", required = false) String region,
            @RequestParam(name = "vpc", required = false) String vpc,
            @RequestParam(name = "nat", required = false) String nat,
            @RequestParam(name = "quickstart", required = false) String quickStart, Model model) {
        EndpointRequestForm form = new EndpointRequestForm();
        if (templateKeys != null) {
            templateKeys.stream().distinct().limit(10).map(catalog::current).flatMap(Optional::stream)
                    .filter(t -> !t.retired()).forEach(t -> form.getItems().add(ItemForm.from(t)));
        }
        List<String> myTeams = me.teams().stream().map(TeamId::value).sorted().toList();
        if (myTeams.size() == 1) {
            form.setTeam(myTeams.get(0));
        }
        List<AccountDetails> usable = accounts.activeUsableBy(me.teams());
        if (usable.size() == 1) {
            form.setAccountId(usable.get(0).id());
        }
        // a quick start names the VPC where its architecture is set up, when one is known and the caller may use it
        if (quickStart != null && QuickStartVpcs.KEYS.contains(quickStart)
                && (vpc == null || vpc.isBlank())) {
            quickStarts.stream().map(q -> q.find(me, quickStart)).flatMap(Optional::stream).findFirst()
                    .ifPresent(t -> {
                        form.setAccountId(t.accountId());
                        form.setRegion(t.region());
                        form.setVpcId(t.vpcId());
                        if (t.natGatewayId() != null) {
                            form.setNatGatewayId(t.natGatewayId());
                        }
                    });
        }
        // prefilled from elsewhere (the inventory's coverage links); every value is checked again on submit
        if (account != null && !account.isBlank()) {
            form.setAccountId(account.strip());
        }
        if (region != null && !region.isBlank()) {
            form.setRegion(region.strip());
        }
        if (vpc != null && !vpc.isBlank()) {
            form.setVpcId(vpc.strip());
        }
        if (nat != null && !nat.isBlank()) {
            form.setNatGatewayId(nat.strip());
        }
        return showForm(me, form, model);
    }

    @PostMapping("/new")
    String save(@AuthenticationPrincipal PortalPrincipal me, @ModelAttribute("form") EndpointRequestForm form,
            BindingResult binding, @RequestParam(defaultValue = "draft") String action, Model model,
            RedirectAttributes redirect) {
        if (!action.equals("draft") && !action.equals("submit")) {
            return changeItems(me, form, action, model);
        }
        if (binding.hasErrors()) {
            return showForm(me, form, model);
        }
        Map<String, EndpointTemplateDetails> templates = templatesOf(form);
        try {
            CreatedRequest created = drafts.create(me, form.toDraft(templates), form.getFormToken());
            UUID id = created.request().id();
            if (action.equals("submit") && created.request().status() == RequestStatus.DRAFT) {
                drafts.submit(me, id);
                redirect.addFlashAttribute("success", "Request submitted for approval.");
            } else {
                redirect.addFlashAttribute("success", created.replayed() ? "This request was already saved."
                        : "Draft saved. Submit it when it is ready.");
            }
            return "redirect:/requests/" + id;
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e.violations());
            return showForm(me, form, model);
        } catch (UnprocessableException e) {
            // the form was changed after a first save: start a new logical request
            form.setFormToken(UUID.randomUUID().toString());
            binding.reject("resubmitted", "This form was already saved once; check the values and save again.");
            return showForm(me, form, model);
        }
    }

    /**
     * The account picker's search once a requester may use more accounts than a select can list: active accounts of
     * their teams whose id starts with, or name contains, what was typed, as datalist options.
     */
    @GetMapping("/account-options")
    String accountOptions(@AuthenticationPrincipal PortalPrincipal me,
            @RequestParam(name = "accountId", required = false) String text, Model model) {
        String typed = text == null ? "" : text.strip();
        model.addAttribute("options", typed.length() > 100 ? List.of()
                : accounts.search(typed, PICKER_OPTIONS, me.teams()));
        return "request/fragments :: account-options";
    }

    @GetMapping("/{id}/edit")
    String edit(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, Model model,
            RedirectAttributes redirect) {
        RequestDetails request = requests.get(me, id);
        if (!request.status().isEditable() || !request.requester().equals(me.getUsername())) {
            redirect.addFlashAttribute("failure", "Only the requester can edit a draft or a request sent back for changes.");
            return "redirect:/requests/" + id;
        }
        model.addAttribute("requestId", id);
        return showForm(me, EndpointRequestForm.of(request), model);
    }

    @PostMapping("/{id}/edit")
    String saveEdit(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id,
            @ModelAttribute("form") EndpointRequestForm form, BindingResult binding,
            @RequestParam(defaultValue = "draft") String action, Model model, RedirectAttributes redirect) {
        // who may edit it, before anything posted is looked at: 404 when the request is not visible to them
        RequestDetails current = requests.get(me, id);
        if (!current.status().isEditable() || !current.requester().equals(me.getUsername())) {
            redirect.addFlashAttribute("failure", "Only the requester can edit a draft or a request sent back for changes.");
            return "redirect:/requests/" + id;
        }
        model.addAttribute("requestId", id);
        if (!action.equals("draft") && !action.equals("submit")) {
            return changeItems(me, form, action, model);
        }
        if (binding.hasErrors()) {
            return showForm(me, form, model);
        }
        try {
            RequestDetails saved = drafts.revise(me, id, form.toDraft(templatesOf(form)));
            if (action.equals("submit")) {
                drafts.submit(me, saved.id());
                redirect.addFlashAttribute("success", "Request resubmitted for approval.");
            } else {
                redirect.addFlashAttribute("success", "Changes saved.");
            }
            return "redirect:/requests/" + id;
        } catch (InvalidInputException e) {
            FormErrors.reject(binding, e.violations());
            return showForm(me, form, model);
        } catch (ConflictException | ForbiddenException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
            return "redirect:/requests/" + id;
        }
    }

    @GetMapping("/{id}")
    String detail(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, Model model) {
        RequestDetails request = requests.get(me, id);
        model.addAttribute("request", request);
        model.addAttribute("mine", request.requester().equals(me.getUsername()));
        boolean mayAsk = me.hasRole(Role.REQUESTER) || me.hasRole(Role.ADMIN);
        model.addAttribute("mayAsk", mayAsk); // edit, submit, change and decommission need REQUESTER (or ADMIN)
        Map<String, String> names = new LinkedHashMap<>();
        request.items().forEach(i -> catalog.version(i.templateKey(), i.templateVersion())
                .ifPresent(t -> names.put(i.templateKey(), t.name())));
        model.addAttribute("templateNames", names);
        model.addAttribute("canChange", mayAsk && !request.isChange() && request.status() == RequestStatus.ACTIVE
                && (me.isMemberOf(new TeamId(request.team())) || request.requester().equals(me.getUsername())));
        model.addAttribute("changes", request.isChange() ? List.of() : changes.changesOf(me, id));
        return "request/detail";
    }

    @PostMapping("/{id}/submit")
    String submit(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            drafts.submit(me, id);
            redirect.addFlashAttribute("success", "Request submitted for approval.");
        } catch (ConflictException | ForbiddenException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/requests/" + id;
    }

    @PostMapping("/{id}/cancel")
    String cancel(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            drafts.cancel(me, id, reason);
            redirect.addFlashAttribute("success", "Request cancelled.");
        } catch (ConflictException | InvalidInputException | ForbiddenException e) {
            redirect.addFlashAttribute("failure", e instanceof InvalidInputException i
                    ? i.violations().get(0).field() + " " + i.violations().get(0).message() : e.getMessage());
        }
        return "redirect:/requests/" + id;
    }

    /** The form's own buttons: add an endpoint, remove one; nothing is saved. */
    private String changeItems(PortalPrincipal me, EndpointRequestForm form, String action, Model model) {
        if (action.equals("add")) {
            catalog.current(form.getAddTemplate() == null ? "" : form.getAddTemplate()).filter(t -> !t.retired())
                    .ifPresent(t -> form.getItems().add(ItemForm.from(t)));
            form.setAddTemplate(null);
        } else if (action.startsWith("remove-")) {
            int index = parseIndex(action.substring("remove-".length()));
            if (index >= 0 && index < form.getItems().size()) {
                form.getItems().remove(index);
            }
        }
        return showForm(me, form, model);
    }

    private String showForm(PortalPrincipal me, EndpointRequestForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("templates", templatesOf(form));
        model.addAttribute("catalog", catalog.search(null, null));
        model.addAttribute("teams", me.teams().stream().map(TeamId::value).sorted().toList());
        List<AccountDetails> usable = accounts.activeUsableBy(me.teams());
        // thousands of accounts make a select unusable: past this many, the picker searches instead
        boolean search = usable.size() > PICKER_SELECT_LIMIT;
        model.addAttribute("accountSearch", search);
        model.addAttribute("accounts", search ? List.of() : usable);
        model.addAttribute("regions", AwsRegion.KNOWN);
        model.addAttribute("policies", PolicyChoice.values());
        return "request/form";
    }

    private Map<String, EndpointTemplateDetails> templatesOf(EndpointRequestForm form) {
        Map<String, EndpointTemplateDetails> templates = new LinkedHashMap<>();
        for (ItemForm item : form.getItems()) {
            if (item.getTemplateKey() != null && item.getTemplateKey().length() <= 64) {
                catalog.current(item.getTemplateKey()).ifPresent(t -> templates.put(t.key(), t));
            }
        }
        return templates;
    }

    private static int parseIndex(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
