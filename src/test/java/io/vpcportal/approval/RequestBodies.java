package io.vpcportal.approval;

import io.vpcportal.PortalApi;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON bodies for {@code POST /api/v1/requests} that pass every rule, named after what the approval rules look at:
 * the template, its policy, and the team and account the request is for.
 */
public final class RequestBodies {

    /** The demo sandbox: NON_PRODUCTION, usable by team payments in us-east-1, eu-west-1 and eu-west-3. */
    public static final String SANDBOX = "111111111111";
    public static final String VPC = "vpc-0a1b2c3d4e5f60718";
    public static final String SUBNET = "subnet-0a1b2c3d4e5f60718";
    public static final String SECURITY_GROUP = "sg-0a1b2c3d";
    public static final String ROUTE_TABLE = "rtb-0a1b2c3d4e5f60718";

    private RequestBodies() {
    }

    /** A Glue interface endpoint (default policy: organization). */
    public static ObjectNode glue(String team, String accountId, String region) {
        ObjectNode body = body(team, accountId, region, "Glue for the nightly ETL");
        interfaceItem(body, "glue");
        return body;
    }

    /** The Datadog logs intake, a partner service that exists in us-east-1 (default policy: full-access). */
    public static ObjectNode datadogLogs(String team, String accountId) {
        ObjectNode body = body(team, accountId, "us-east-1", "Datadog logs without NAT");
        interfaceItem(body, "datadog-logs");
        return body;
    }

    /** An S3 gateway endpoint with {@code policyChoice} (s3-buckets names one bucket). */
    public static ObjectNode s3Gateway(String team, String accountId, String region, String policyChoice) {
        ObjectNode body = body(team, accountId, region, "S3 gateway for the batch input");
        s3GatewayItem(body, policyChoice);
        return body;
    }

    /** An S3 gateway endpoint with the bucket-restricted policy, and a Glue interface endpoint. */
    public static ObjectNode s3GatewayAndGlue(String team, String accountId, String region) {
        ObjectNode body = body(team, accountId, region, "S3 and Glue for the data lake");
        s3GatewayItem(body, "s3-buckets");
        interfaceItem(body, "glue");
        return body;
    }

    private static ObjectNode body(String team, String accountId, String region, String title) {
        ObjectNode body = PortalApi.object()
                .put("team", team)
                .put("accountId", accountId)
                .put("region", region)
                .put("vpcId", VPC)
                .put("title", title)
                .put("justification", "Keeps the traffic off the NAT gateway")
                .put("expectedMonthlyGb", 40);
        body.putArray("items");
        return body;
    }

    private static void interfaceItem(ObjectNode body, String templateKey) {
        ObjectNode item = ((ArrayNode) body.get("items")).addObject().put("templateKey", templateKey);
        item.putArray("subnetIds").add(SUBNET);
        item.putArray("securityGroupIds").add(SECURITY_GROUP);
    }

    private static void s3GatewayItem(ObjectNode body, String policyChoice) {
        ObjectNode item = ((ArrayNode) body.get("items")).addObject().put("templateKey", "s3-gateway")
                .put("policyChoice", policyChoice);
        item.putArray("routeTableIds").add(ROUTE_TABLE);
        if (policyChoice.equals("s3-buckets")) {
            item.putArray("bucketNames").add("lake-raw-input");
        }
    }
}
