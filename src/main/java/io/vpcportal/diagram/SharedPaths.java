package io.vpcportal.diagram;

import io.vpcportal.inventory.VpcTopology;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lets another module (sharing, for example) tell the diagrams about paths that leave the VPC through another VPC
 * without the diagram module depending on it: a spoke VPC reaching a service through a hub VPC's shared endpoint
 * over a Transit Gateway, and a hub VPC serving its endpoint to spokes. Every bean's answer is drawn; without any
 * bean (or with empty answers) diagrams are exactly what they were. A bean that fails is skipped (logged).
 */
public interface SharedPaths {

    /** What this extension knows about {@code vpc}; {@link Shares#NONE} when nothing. */
    Shares of(VpcTopology vpc);

    /**
     * @param viaHubs services the VPC reaches through a hub VPC (the VPC is a spoke)
     * @param served  services the VPC serves to spokes from its own endpoint (the VPC is a hub)
     */
    record Shares(List<ViaHub> viaHubs, List<Served> served) {

        public static final Shares NONE = new Shares(List.of(), List.of());

        public Shares {
            viaHubs = List.copyOf(viaHubs);
            served = List.copyOf(served);
        }

        public boolean isEmpty() {
            return viaHubs.isEmpty() && served.isEmpty();
        }

        /** Both answers in one. */
        public Shares and(Shares other) {
            if (other.isEmpty()) {
                return this;
            }
            return new Shares(concat(viaHubs, other.viaHubs), concat(served, other.served));
        }

        private static <T> List<T> concat(List<T> a, List<T> b) {
            return Stream.concat(a.stream(), b.stream()).toList();
        }
    }

    /**
     * A service the spoke reaches through a hub's endpoint over a Transit Gateway.
     *
     * @param serviceName      EC2's service name ({@code com.amazonaws.us-east-1.ssm})
     * @param transitGatewayId the Transit Gateway the spoke and the hub share (null when not known)
     * @param gbPerMonth       the spoke's measured traffic to the service a month, or null when the ledger has none
     *                         (never estimated)
     * @param basis            where {@code gbPerMonth} comes from (resources, days, bytes), or null without a figure
     */
    record ViaHub(String serviceName, String hubVpcId, String hubAccountId, String transitGatewayId,
            BigDecimal gbPerMonth, String basis) {
    }

    /**
     * A service the hub serves to spokes from its shared endpoint.
     *
     * @param endpointId the hub's endpoint, or null when the inventory has not seen it yet
     */
    record Served(String serviceName, String endpointId, String transitGatewayId, List<Spoke> spokes) {

        public Served {
            spokes = List.copyOf(spokes);
        }
    }

    /** A spoke VPC and its account; both null for a spoke the viewer may not see ({@link #UNSEEN}). */
    record Spoke(String vpcId, String accountId) {

        /** A spoke in an account the viewer may not see: counted and drawn, never named. */
        public static final Spoke UNSEEN = new Spoke(null, null);
    }
}
