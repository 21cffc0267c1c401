package io.vpcportal.inventory.internal;

import io.vpcportal.inventory.DriftReport;
import io.vpcportal.inventory.DriftReport.Difference;
import io.vpcportal.inventory.DriftReport.TagDifference;
import io.vpcportal.policy.DiffLine;
import io.vpcportal.policy.PolicyDiff;
import io.vpcportal.policy.PolicyManagement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares what was approved with what EC2 has. Policies are compared in canonical form (key order and
 * whitespace never count); an endpoint without a policy has AWS's default full-access one. Tags are compared
 * key by key: an approved tag missing or with another value, and a tag nobody approved, are drift; tags AWS
 * manages ({@code aws:…}) are not.
 */
public final class Drift {

    public static final String DEFAULT_POLICY = """
            {"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""";
    private static final Set<String> HEALTHY = Set.of("available", "pendingacceptance", "pending");

    private Drift() {
    }

    /**
     * The state an endpoint must keep: a baseline row.
     *
     * @param tags the approved tags; null when none were recorded (a baseline from before tags were compared)
     */
    public record Approved(String source, String policy, List<String> routeTableIds, List<String> subnetIds,
            List<String> securityGroupIds, boolean privateDns, SortedMap<String, String> tags, String recordedBy,
            Instant recordedAt) {

        public Approved(String source, String policy, List<String> routeTableIds, List<String> subnetIds,
                List<String> securityGroupIds, boolean privateDns, String recordedBy, Instant recordedAt) {
            this(source, policy, routeTableIds, subnetIds, securityGroupIds, privateDns, null, recordedBy, recordedAt);
        }
    }

    /** The state EC2 reported at the last sync. */
    public record Actual(String endpointType, String state, boolean gone, String policy, List<String> routeTableIds,
            List<String> subnetIds, List<String> securityGroupIds, boolean privateDns, SortedMap<String, String> tags) {

        public Actual(String endpointType, String state, boolean gone, String policy, List<String> routeTableIds,
                List<String> subnetIds, List<String> securityGroupIds, boolean privateDns) {
            this(endpointType, state, gone, policy, routeTableIds, subnetIds, securityGroupIds, privateDns, new TreeMap<>());
        }
    }

    /** A request item's own tags: the portal writes its {@code portal:…} tags itself, AWS its {@code aws:…} ones. */
    public static Map<String, String> itemTags(Map<String, String> tags) {
        Map<String, String> own = new TreeMap<>(ownTags(tags));
        own.keySet().removeIf(k -> k.regionMatches(true, 0, "portal:", 0, 7));
        return own;
    }

    /** The tags that count: every tag but those AWS manages ({@code aws:…}), which nobody approves or changes. */
    public static SortedMap<String, String> ownTags(Map<String, String> tags) {
        SortedMap<String, String> own = new TreeMap<>();
        if (tags != null) {
            tags.forEach((k, v) -> {
                if (!k.regionMatches(true, 0, "aws:", 0, 4)) {
                    own.put(k, v == null ? "" : v);
                }
            });
        }
        return own;
    }

    public static DriftReport compare(Approved approved, Actual actual, PolicyManagement policies) {
        List<Difference> differences = new ArrayList<>();
        if (actual.gone()) {
            differences.add(new Difference("state", "available", "gone"));
        } else if (actual.state() == null || !HEALTHY.contains(actual.state().toLowerCase(Locale.ROOT))) {
            differences.add(new Difference("state", "available", actual.state()));
        }
        PolicyDiff diff = policies.diff(orDefault(approved.policy()), orDefault(actual.policy()));
        List<DiffLine> lines = diff.changed() ? diff.lines() : List.of();
        if (diff.changed()) {
            differences.add(new Difference("policy", "-" + diff.removed() + " line(s)", "+" + diff.added() + " line(s)"));
        }
        ids("routeTables", approved.routeTableIds(), actual.routeTableIds(), differences);
        ids("subnets", approved.subnetIds(), actual.subnetIds(), differences);
        ids("securityGroups", approved.securityGroupIds(), actual.securityGroupIds(), differences);
        // private DNS means nothing for gateway endpoints (and emulators report it true for them)
        if (!"Gateway".equalsIgnoreCase(actual.endpointType()) && approved.privateDns() != actual.privateDns()) {
            differences.add(new Difference("privateDns", String.valueOf(approved.privateDns()),
                    String.valueOf(actual.privateDns())));
        }
        List<TagDifference> tags = approved.tags() == null ? List.of() : tags(approved.tags(), actual.tags());
        if (!tags.isEmpty()) {
            differences.add(new Difference("tags", tags.stream().filter(t -> t.approved() != null)
                    .map(t -> t.key() + "=" + t.approved()).collect(Collectors.joining(", ")), tags.stream()
                    .filter(t -> t.actual() != null).map(t -> t.key() + "=" + t.actual())
                    .collect(Collectors.joining(", "))));
        }
        return new DriftReport(approved.source(), approved.recordedBy(), approved.recordedAt(), differences, lines,
                tags);
    }

    /** Tag by tag, in key order: approved and missing, changed, or there without approval. */
    static List<TagDifference> tags(Map<String, String> approved, Map<String, String> actual) {
        SortedMap<String, String> a = ownTags(approved);
        SortedMap<String, String> x = ownTags(actual);
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(x.keySet());
        return keys.stream().filter(k -> !Objects.equals(a.get(k), x.get(k)))
                .map(k -> new TagDifference(k, a.get(k), x.get(k))).toList();
    }

    /** The settings that differ, for the list and the event; null when nothing does. */
    public static String summary(DriftReport report) {
        return report.drifted() ? String.join(", ", report.differences().stream().map(Difference::setting).toList())
                : null;
    }

    private static void ids(String setting, List<String> approved, List<String> actual, List<Difference> out) {
        Set<String> a = new TreeSet<>(approved);
        Set<String> x = new TreeSet<>(actual);
        if (!a.equals(x)) {
            out.add(new Difference(setting, String.join(", ", a), String.join(", ", x)));
        }
    }

    private static String orDefault(String policy) {
        return policy == null || policy.isBlank() ? DEFAULT_POLICY : policy;
    }
}
