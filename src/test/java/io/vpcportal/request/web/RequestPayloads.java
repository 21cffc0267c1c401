package io.vpcportal.request.web;

import io.vpcportal.PortalApi;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON bodies for {@code POST /api/v1/requests} that pass every rule, to be changed one property at a time. */
final class RequestPayloads {

    static final String VPC = "vpc-0a1b2c3d4e5f60718";
    static final String SUBNET = "subnet-0a1b2c3d4e5f60718";
    static final String SECURITY_GROUP = "sg-0a1b2c3d";
    static final String ROUTE_TABLE = "rtb-0a1b2c3d4e5f60718";
    static final String SANDBOX = "111111111111";

    private RequestPayloads() {
    }

    /** The demo requester's STS interface endpoint in the sandbox account, eu-west-1. */
    static ObjectNode sts() {
        return sts("payments", SANDBOX, "eu-west-1");
    }

    static ObjectNode sts(String team, String accountId, String region) {
        ObjectNode body = PortalApi.object()
                .put("team", team)
                .put("accountId", accountId)
                .put("region", region)
                .put("vpcId", VPC)
                .put("title", "STS for the payments batch")
                .put("justification", "Batch jobs assume roles without going through the NAT gateway")
                .put("expectedMonthlyGb", 12.5);
        ObjectNode item = body.putArray("items").addObject().put("templateKey", "sts");
        item.putArray("subnetIds").add(SUBNET);
        item.putArray("securityGroupIds").add(SECURITY_GROUP);
        item.putObject("tags").put("cost-center", "cc-42");
        return body;
    }

    /** An S3 gateway endpoint that allows one bucket. */
    static ObjectNode s3Gateway() {
        ObjectNode body = sts();
        ArrayNode items = body.putArray("items");
        ObjectNode item = items.addObject().put("templateKey", "s3-gateway");
        item.putArray("routeTableIds").add(ROUTE_TABLE);
        item.putArray("bucketNames").add("payments-batch-input");
        return body;
    }

    /** The Datadog logs intake, which exists in us-east-1 but not in eu-west-1. */
    static ObjectNode datadogLogs() {
        ObjectNode body = sts();
        ObjectNode item = body.putArray("items").addObject().put("templateKey", "datadog-logs");
        item.putArray("subnetIds").add(SUBNET);
        item.putArray("securityGroupIds").add(SECURITY_GROUP);
        return body;
    }

    static ObjectNode item(ObjectNode body, int index) {
        return (ObjectNode) body.get("items").get(index);
    }
}
