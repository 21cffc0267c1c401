package io.vpcportal.organization;

import io.vpcportal.identity.IdentityManagement;
import io.vpcportal.organization.internal.OrganizationSourceStore;
import io.vpcportal.platform.FieldViolation;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.shared.AwsRegion;
import io.vpcportal.shared.TeamId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and saves the organization source; a source that breaks a rule is refused whole, naming each field. */
@Service
@Transactional(readOnly = true)
public class OrganizationSources {

    /** An OU id ({@code ou-} root part, then 8 to 32 characters) or a root id ({@code r-} and 4 to 32). */
    static final Pattern OU_OR_ROOT = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32}");
    static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-[a-z]+)*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,128}");
    static final int MAX_OUS = 200;

    private final OrganizationSourceStore store;
    private final IdentityManagement identity;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OrganizationSources(OrganizationSourceStore store, IdentityManagement identity, Clock clock,
            ApplicationEventPublisher events) {
        this.store = store;
        this.identity = identity;
        this.clock = clock;
        this.events = events;
    }

    public Optional<OrganizationSource> current() {
        return store.find();
    }

    @Transactional
    public OrganizationSource save(OrganizationSource input, String by) {
        List<FieldViolation> v = new ArrayList<>();
        validate(input, v);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        OrganizationSource before = store.find().orElse(null);
        OrganizationSource saved = new OrganizationSource(input.roleArn().strip(), blankToNull(input.externalId()),
                input.includeOus().stream().map(String::strip).distinct().sorted().toList(),
                input.skipOus().stream().map(String::strip).distinct().sorted().toList(),
                input.memberRolePattern().strip(), input.regions().stream().map(String::strip).distinct().sorted().toList(),
                input.environment(), blankToNull(input.teamTagKey()), new TreeMap<>(stripped(input.ouTeams())),
                clock.instant(), by);
        store.save(saved);
        events.publishEvent(new OrganizationSourceChanged(by, before, saved));
        return saved;
    }

    void validate(OrganizationSource s, List<FieldViolation> v) {
        if (s.roleArn() == null || !ROLE_ARN.matcher(s.roleArn().strip()).matches()) {
            v.add(new FieldViolation("roleArn",
                    "must be an IAM role ARN such as arn:aws:iam::123456789012:role/vpc-endpoint-portal-discovery"));
        }
        if (s.externalId() != null && !s.externalId().isBlank() && !EXTERNAL_ID.matcher(s.externalId().strip()).matches()) {
            v.add(new FieldViolation("externalId", "must be 2 to 1224 letters, digits or +=,.@:/-_"));
        }
        checkOus("includeOus", s.includeOus(), v);
        checkOus("skipOus", s.skipOus(), v);
        if (s.memberRolePattern() == null || !s.memberRolePattern().contains("{accountId}")) {
            v.add(new FieldViolation("memberRolePattern",
                    "must contain {accountId}, as in arn:aws:iam::{accountId}:role/vpc-endpoint-portal"));
        } else if (!ROLE_ARN.matcher(s.memberRolePattern().strip().replace("{accountId}", "123456789012")).matches()
                || !s.memberRolePattern().strip().matches("arn:aws(-[a-z]+)*:iam::\\{accountId}:role/.+")) {
            v.add(new FieldViolation("memberRolePattern",
                    "must be a role ARN with {accountId} as its account, such as arn:aws:iam::{accountId}:role/vpc-endpoint-portal"));
        }
        if (s.regions().isEmpty()) {
            v.add(new FieldViolation("regions", "must name at least one region"));
        } else {
            s.regions().stream().filter(r -> r == null || !AwsRegion.isKnown(r.strip())).findFirst().ifPresent(r ->
                    v.add(new FieldViolation("regions", "'" + r + "' is not a known AWS region")));
        }
        if (s.environment() == null) {
            v.add(new FieldViolation("environment", "must be PRODUCTION or NON_PRODUCTION"));
        }
        if (s.teamTagKey() != null && !s.teamTagKey().isBlank() && !TAG_KEY.matcher(s.teamTagKey().strip()).matches()) {
            v.add(new FieldViolation("teamTagKey", "must be a tag key of 1 to 128 letters, digits, spaces or _.:/=+-@"));
        }
        if (s.ouTeams().size() > MAX_OUS) {
            v.add(new FieldViolation("ouTeams", "must map at most " + MAX_OUS + " OUs"));
        }
        for (Map.Entry<String, String> e : new TreeMap<>(s.ouTeams()).entrySet()) {
            if (e.getKey() == null || !OU_OR_ROOT.matcher(e.getKey().strip()).matches()) {
                v.add(new FieldViolation("ouTeams", "'" + e.getKey() + "' is not an OU id such as ou-ab12-cd34ef56"));
                break;
            }
            String team = e.getValue() == null ? "" : e.getValue().strip();
            if (!TeamId.isValid(team) || !identity.teamExists(new TeamId(team))) {
                v.add(new FieldViolation("ouTeams", "'" + e.getValue() + "' (for " + e.getKey() + ") is not a team"));
                break;
            }
        }
    }

    private static void checkOus(String field, List<String> ous, List<FieldViolation> v) {
        if (ous.size() > MAX_OUS) {
            v.add(new FieldViolation(field, "must name at most " + MAX_OUS + " OUs"));
            return;
        }
        ous.stream().filter(o -> o == null || !OU_OR_ROOT.matcher(o.strip()).matches()).findFirst().ifPresent(o ->
                v.add(new FieldViolation(field, "'" + o + "' is not an OU id (ou-ab12-cd34ef56) or a root id (r-ab12)")));
        if (new HashSet<>(ous).size() < ous.size() && v.stream().noneMatch(f -> f.field().equals(field))) {
            v.add(new FieldViolation(field, "must not name an OU twice"));
        }
    }

    private static Map<String, String> stripped(Map<String, String> ouTeams) {
        Map<String, String> out = new TreeMap<>();
        ouTeams.forEach((k, val) -> out.put(k.strip(), val.strip()));
        return out;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
