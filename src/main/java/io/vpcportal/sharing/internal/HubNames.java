package io.vpcportal.sharing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The DNS names a hub's zones answer for, from an AWS service name. */
public final class HubNames {

    private HubNames() {
    }

    /**
     * The name private DNS gives an AWS service in a region: {@code com.amazonaws.eu-west-1.ssm} answers
     * {@code ssm.eu-west-1.amazonaws.com}, {@code com.amazonaws.eu-west-1.ecr.dkr} answers
     * {@code dkr.ecr.eu-west-1.amazonaws.com} (the parts after the region, reversed). Empty for a name that does not
     * follow AWS's pattern (a partner or private service).
     */
    public static List<String> zoneNames(String serviceName, String region) {
        String prefix = "com.amazonaws." + region + ".";
        if (serviceName == null || !serviceName.startsWith(prefix) || serviceName.length() == prefix.length()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>(List.of(serviceName.substring(prefix.length())
                .toLowerCase(Locale.ROOT).split("\\.")));
        Collections.reverse(parts);
        return List.of(String.join(".", parts) + "." + region + ".amazonaws.com");
    }

    /** {@code *.dkr.ecr…} and {@code dkr.ecr…} are the same zone. */
    public static String zoneOf(String privateDnsName) {
        String n = privateDnsName.strip().toLowerCase(Locale.ROOT);
        n = n.startsWith("*.") ? n.substring(2) : n;
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** Does a zone named {@code zone} answer {@code name} (the same name or a parent of it)? */
    public static boolean answers(String zone, String name) {
        return name.equals(zone) || name.endsWith("." + zone);
    }
}
