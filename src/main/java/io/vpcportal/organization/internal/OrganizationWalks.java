package io.vpcportal.organization.internal;

import io.vpcportal.organization.internal.OrganizationDirectory.Access;
import io.vpcportal.organization.internal.OrganizationDirectory.Member;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks the organization from the included OUs (or its roots) down through nested OUs, leaving skipped OUs and
 * everything below them out. Each account comes with the OU path it was found under (top first), so the nearest OU of
 * the OU-to-team table can be picked. An OU reached twice (an included OU inside another) is walked once.
 */
public final class OrganizationWalks {

    /** An account and the OUs above it, from the starting point down to its parent. */
    public record Placed(Member member, List<String> path) {
    }

    private OrganizationWalks() {
    }

    public static Map<String, Placed> walk(OrganizationDirectory directory, Access access, List<String> includeOus,
            Set<String> skipOus) {
        List<String> starts = includeOus.isEmpty() ? directory.roots(access) : includeOus;
        Map<String, Placed> found = new LinkedHashMap<>();
        Set<String> visited = new HashSet<>();
        Deque<List<String>> pending = new ArrayDeque<>();
        starts.forEach(start -> pending.add(List.of(start)));
        while (!pending.isEmpty()) {
            List<String> path = pending.poll();
            String parent = path.get(path.size() - 1);
            if (skipOus.contains(parent) || !visited.add(parent)) {
                continue;
            }
            for (Member member : directory.accounts(access, parent)) {
                found.putIfAbsent(member.id(), new Placed(member, path));
            }
            for (String child : directory.childOus(access, parent)) {
                List<String> childPath = new ArrayList<>(path);
                childPath.add(child);
                pending.add(List.copyOf(childPath));
            }
        }
        return found;
    }
}
