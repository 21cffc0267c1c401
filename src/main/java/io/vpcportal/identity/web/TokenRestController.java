package io.vpcportal.identity.web;

import io.vpcportal.identity.ApiTokenSummary;
import io.vpcportal.identity.ApiTokens;
import io.vpcportal.identity.CreatedApiToken;
import io.vpcportal.identity.PortalPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "Personal tokens for automation; create one with HTTP Basic")
class TokenRestController {

    private final ApiTokens tokens;
    private final Clock clock;

    TokenRestController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The token itself is in this answer only. */
    record CreatedTokenDetails(UUID id, String name, String token, Instant expiresAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a personal API token (HTTP Basic with your password, or an existing token)")
    CreatedTokenDetails create(@AuthenticationPrincipal PortalPrincipal me, @Valid @RequestBody TokenPayload payload) {
        int days = payload.expiresInDays() == null ? 90 : payload.expiresInDays();
        CreatedApiToken created = tokens.create(me.id(), payload.name(), clock.instant().plus(Duration.ofDays(days)));
        return new CreatedTokenDetails(created.summary().id(), created.summary().name(), created.token(),
                created.summary().expiresAt());
    }

    @GetMapping
    @Operation(summary = "List your tokens (without the secrets)")
    List<ApiTokenSummary> list(@AuthenticationPrincipal PortalPrincipal me) {
        return tokens.tokensOf(me.id());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of your tokens")
    void revoke(@AuthenticationPrincipal PortalPrincipal me, @PathVariable UUID id) {
        tokens.revoke(me.id(), id);
    }
}
