package io.vpcportal.identity;

import io.vpcportal.identity.internal.ApiToken;
import io.vpcportal.identity.internal.ApiTokenRepository;
import io.vpcportal.identity.internal.PortalUserRepository;
import io.vpcportal.platform.Digests;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import io.vpcportal.platform.TextRules;
import io.vpcportal.platform.cache.ReferenceVersions;
import io.vpcportal.platform.cache.VersionedCache;
import io.vpcportal.shared.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for automation. A token is 32 random bytes behind the {@code vpcp_} prefix; a plain
 * SHA-256 is enough to store it because, unlike a password, it cannot be guessed.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "vpcp_";
    private static final int MAX_ACTIVE_PER_USER = 20;

    private final ApiTokenRepository tokens;
    private final PortalUserRepository users;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();
    private final VersionedCache<String, UsableToken> usable;
    private final Map<UUID, Instant> lastUseWritten = new ConcurrentHashMap<>();

    ApiTokens(ApiTokenRepository tokens, PortalUserRepository users, Clock clock,
            ApplicationEventPublisher events, ReferenceVersions versions) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
        this.events = events;
        this.usable = new VersionedCache<>("identity", versions, 10_000);
    }

    @Transactional
    public CreatedApiToken create(UserId owner, String name, Instant expiresAt) {
        Instant now = clock.instant();
        if (name == null || name.isBlank() || name.length() > 100 || TextRules.containsNul(name)) {
            throw new InvalidInputException("name", "must be 1 to 100 characters");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidInputException("expiresAt", "must be in the future");
        }
        long active = tokens.findByUserIdOrderByCreatedAtDesc(owner.value()).stream()
                .filter(t -> t.usableAt(now)).count();
        if (active >= MAX_ACTIVE_PER_USER) {
            throw new InvalidInputException("name", "you already have " + MAX_ACTIVE_PER_USER
                    + " active tokens: revoke one first");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String raw = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken token = tokens.save(new ApiToken(owner.value(), name.strip(), sha256(raw),
                raw.substring(0, PREFIX.length() + 4), now, expiresAt));
        events.publishEvent(new ApiTokenCreated(token.id(), usernameOf(owner), token.name(), expiresAt));
        return new CreatedApiToken(summary(token), raw);
    }

    @Transactional(readOnly = true)
    public List<ApiTokenSummary> tokensOf(UserId owner) {
        return tokens.findByUserIdOrderByCreatedAtDesc(owner.value()).stream().map(ApiTokens::summary).toList();
    }

    @Transactional
    public void revoke(UserId owner, UUID tokenId) {
        ApiToken token = tokens.findById(tokenId)
                .filter(t -> t.userId().equals(owner.value()))
                .orElseThrow(() -> new NotFoundException("No token " + tokenId + " of yours"));
        if (token.revokedAt() == null) {
            token.revoke(clock.instant());
            events.publishEvent(new ApiTokenRevoked(token.id(), usernameOf(owner)));
        }
    }

    private String usernameOf(UserId id) {
        return users.findById(id.value()).map(u -> u.username()).orElse(id.toString());
    }

    /**
     * The user behind a bearer token, if the token is known, not revoked, not expired and its user enabled. Usable
     * tokens are cached with their principal; a revocation, an expiry change, a deleted token, or a disabled, demoted
     * or otherwise changed user moves the identity version (a trigger, on whichever instance the change is made), and
     * the next call on every instance loads the token again. Deliberately outside any transaction scope, so that no
     * connection is held across the steps (a cache hit costs one primary-key read; a miss two short read transactions;
     * the last use one short write): a request thread never waits for a second connection while it holds one.
     */
    public Optional<PortalPrincipal> authenticate(String raw) {
        if (raw == null || !raw.startsWith(PREFIX) || raw.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<UsableToken> token = usable.get(sha256(raw), this::load)
                .filter(t -> t.expiresAt() == null || now.isBefore(t.expiresAt()));
        token.ifPresent(t -> recordUse(t.id(), now));
        return token.map(UsableToken::principal);
    }

    private Optional<UsableToken> load(String hash) {
        Instant now = clock.instant();
        return tokens.findByTokenHash(hash)
                .filter(t -> t.usableAt(now))
                .flatMap(t -> users.findById(t.userId())
                        .filter(u -> u.enabled())
                        .map(u -> {
                            PortalPrincipal principal = IdentityManagement.principal(u);
                            principal.eraseCredentials(); // shared between requests: it needs no password hash
                            return new UsableToken(t.id(), t.expiresAt(), principal);
                        }));
    }

    /** Records a token's last use at most once a minute per instance, so that busy automation does not write often. */
    private void recordUse(UUID tokenId, Instant now) {
        Instant last = lastUseWritten.get(tokenId);
        if (last != null && last.isAfter(now.minusSeconds(60))) {
            return;
        }
        lastUseWritten.put(tokenId, now);
        tokens.markUsed(tokenId, now, now.minusSeconds(60));
        if (lastUseWritten.size() > 100_000) {
            lastUseWritten.clear();
        }
    }

    private record UsableToken(UUID id, Instant expiresAt, PortalPrincipal principal) {
    }

    private static ApiTokenSummary summary(ApiToken t) {
        return new ApiTokenSummary(t.id(), t.name(), t.tokenPrefix(), t.createdAt(), t.expiresAt(), t.lastUsedAt(),
                t.revokedAt());
    }

    static String sha256(String raw) {
        return Digests.sha256Hex(raw);
    }
}
