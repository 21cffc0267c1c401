package io.vpcportal.account.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vpcportal.account.AccountDetails;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.PortalPrincipal;
import io.vpcportal.identity.Role;
import io.vpcportal.platform.NotFoundException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "AWS accounts the portal may act in (admins manage them)")
class AccountRestController {

    private final AccountManagement accounts;

    AccountRestController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    /**
     * Without {@code q} or {@code limit}: every account you may use (admins: all, inactive ones too). With either: the
     * pickers' search, active accounts only, whose id starts with or name contains {@code q}, at most {@code limit}.
     */
    @GetMapping
    @Operation(summary = "Accounts you may use (admins: all); q and limit search active ones for pickers")
    List<AccountDetails> list(@AuthenticationPrincipal PortalPrincipal me,
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "limit", required = false) Integer limit) {
        boolean admin = me.hasRole(Role.ADMIN);
        List<AccountDetails> found;
        if (q == null && limit == null) {
            found = admin ? accounts.all() : accounts.usableBy(me.teams());
        } else {
            found = accounts.search(q, limit == null ? 20 : limit, admin ? null : me.teams());
        }
        return admin ? found : found.stream().map(AccountRestController::withoutExternalId).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One account")
    AccountDetails get(@AuthenticationPrincipal PortalPrincipal me, @PathVariable String id) {
        AccountDetails account = accounts.find(id)
                .filter(a -> me.hasRole(Role.ADMIN) || me.teams().stream().anyMatch(a::usableBy))
                .orElseThrow(() -> new NotFoundException("No account " + id));
        return me.hasRole(Role.ADMIN) ? account : withoutExternalId(account);
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Register an account (admins)")
    ResponseEntity<AccountDetails> register(@AuthenticationPrincipal PortalPrincipal me,
            @Valid @RequestBody AccountPayload payload) {
        AccountDetails created = accounts.register(payload.id() == null ? "" : payload.id(), payload.toChange(),
                me.getUsername());
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Edit an account (admins)")
    AccountDetails update(@AuthenticationPrincipal PortalPrincipal me, @PathVariable String id,
            @Valid @RequestBody AccountPayload payload) {
        return accounts.update(id, payload.toChange(), me.getUsername());
    }

    /** The external id guards the role against the confused-deputy problem: only admins need to see it. */
    private static AccountDetails withoutExternalId(AccountDetails a) {
        return a.withExternalId(null);
    }
}
