package io.vpcportal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP proxy between the portal and the moto server, for what moto cannot do by itself: lost answers,
 * throttling, endpoints that stay {@code pending} or {@code pendingAcceptance}, services moto does not know.
 * It records every call it receives (with the time it arrived), and applies the rules a test adds, in order.
 */
public final class FaultyAwsProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive", "date");
    private static final Pattern CREDENTIAL_SCOPE = Pattern.compile("Credential=([^/]+)/\\d{8}/([^/]+)/([^/]+)/");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("<AccessKeyId>([^<]+)</AccessKeyId>");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-aws-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient forward = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    /** Access keys of the role sessions moto handed out through this proxy, to the account of the role. */
    private final Map<String, String> sessionAccounts = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * One call as the proxy received it: when it arrived, its action, the form parameters of a query call, the
     * access key that signed it, and the body of a REST call (Route 53's XML documents; empty for query calls).
     */
    public record Call(long nanos, String service, String region, String action, Map<String, String> params,
            String accessKey, String body) {

        public String param(String name) {
            return params.get(name);
        }

        public boolean is(String wantedAction) {
            return wantedAction.equals(action);
        }

        public boolean isCreate() {
            return is("CreateVpcEndpoint");
        }

        /** The value of tag {@code key} in a call's TagSpecification (CreateVpcEndpoint), or null. */
        public String tag(String key) {
            return valueBeside(".Key", key, ".Value");
        }

        /** The first value of filter {@code name} (DescribeVpcEndpoints Filter.N.Name / Filter.N.Value.1), or null. */
        public String filter(String name) {
            return valueBeside(".Name", name, ".Value.1");
        }

        private String valueBeside(String suffix, String wanted, String valueSuffix) {
            return params.entrySet().stream().filter(e -> e.getKey().endsWith(suffix) && wanted.equals(e.getValue()))
                    .map(e -> params.get(e.getKey().substring(0, e.getKey().length() - suffix.length()) + valueSuffix))
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
    }

    /** An answer the proxy sends instead of moto's. */
    public record Answer(int status, String contentType, String body) {
    }

    /** What a rule may do to a call; every method is asked for every call, in the order the rules were added. */
    public interface Rule {

        /** An answer instead of moto's (the call then never reaches moto), or null. */
        default Answer instead(Call call) {
            return null;
        }

        /** A pause before the call is forwarded. */
        default Duration delay(Call call) {
            return Duration.ZERO;
        }

        /** A pause after moto ran the call, before its answer is sent on. */
        default Duration holdAnswer(Call call) {
            return Duration.ZERO;
        }

        /** True: moto runs the call, but its answer is lost (the proxy closes the connection without a reply). */
        default boolean dropAnswer(Call call) {
            return false;
        }

        /** Moto's answer as the portal will see it. */
        default String rewrite(Call call, String body) {
            return body;
        }

        /** Called once the answer was sent on (not for answers given instead, held-then-dropped or lost ones). */
        default void afterAnswer(Call call) {
        }
    }

    public FaultyAwsProxy(URI target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void add(Rule rule) {
        rules.add(rule);
    }

    /** Forgets the rules and the recorded calls. */
    public void reset() {
        rules.clear();
        calls.clear();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(Predicate<Call> which) {
        return calls.stream().filter(which).toList();
    }

    /**
     * The account a call acted in: the account of the role whose session signed it (learnt from the AssumeRole
     * answers that went through this proxy), or null for the portal's own credentials.
     */
    public String accountOf(Call call) {
        return call.accessKey() == null ? null : sessionAccounts.get(call.accessKey());
    }

    /** The EC2 error document, as EC2 sends it with an HTTP 4xx or 5xx. */
    public static Answer ec2Error(int status, String code, String message) {
        return new Answer(status, "text/xml;charset=UTF-8", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Response><Errors><Error><Code>%s</Code><Message>%s</Message></Error></Errors>\
                <RequestID>00000000-0000-0000-0000-000000000000</RequestID></Response>""".formatted(code, message));
    }

    /** The STS error document (query protocol), as STS sends it with an HTTP 4xx, for a refused AssumeRole. */
    public static Answer stsError(int status, String code, String message) {
        return new Answer(status, "text/xml", """
                <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <Error>
                    <Type>Sender</Type>
                    <Code>%s</Code>
                    <Message>%s</Message>
                  </Error>
                  <RequestId>00000000-0000-0000-0000-000000000000</RequestId>
                </ErrorResponse>""".formatted(code, message));
    }

    /** Refuses STS {@code AssumeRole} of {@code roleArn} with the AccessDenied answer STS gives a role that does not trust the caller. */
    public static Rule refuseRole(String roleArn) {
        return new Rule() {
            @Override
            public Answer instead(Call call) {
                return call.is("AssumeRole") && roleArn.equals(call.param("RoleArn"))
                        ? stsError(403, "AccessDenied", "User: arn:aws:iam::123456789012:user/vpce-portal is not "
                                + "authorized to perform: sts:AssumeRole on resource: " + roleArn)
                        : null;
            }
        };
    }

    /** Leaves the endpoints {@code hidden} out of every DescribeVpcEndpoints answer, as EC2 does once it forgot them. */
    public static Rule hideEndpoints(Predicate<String> hidden) {
        return new Rule() {
            @Override
            public String rewrite(Call call, String answer) {
                if (!call.is("DescribeVpcEndpoints")) {
                    return answer;
                }
                try {
                    var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
                    factory.setNamespaceAware(false);
                    org.w3c.dom.Document doc = factory.newDocumentBuilder().parse(
                            new java.io.ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)));
                    org.w3c.dom.NodeList sets = doc.getElementsByTagName("vpcEndpointSet");
                    boolean changed = false;
                    for (int s = 0; s < sets.getLength(); s++) {
                        org.w3c.dom.Node set = sets.item(s);
                        for (org.w3c.dom.Node item = set.getFirstChild(); item != null; ) {
                            org.w3c.dom.Node next = item.getNextSibling();
                            if (item instanceof org.w3c.dom.Element e && hidden.test(idOf(e))) {
                                set.removeChild(item);
                                changed = true;
                            }
                            item = next;
                        }
                    }
                    if (!changed) {
                        return answer;
                    }
                    var out = new java.io.StringWriter();
                    javax.xml.transform.TransformerFactory.newInstance().newTransformer().transform(
                            new javax.xml.transform.dom.DOMSource(doc), new javax.xml.transform.stream.StreamResult(out));
                    return out.toString();
                } catch (Exception e) {
                    throw new IllegalStateException("Could not rewrite " + answer, e);
                }
            }

            private String idOf(org.w3c.dom.Element item) {
                for (org.w3c.dom.Node n = item.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if ("vpcEndpointId".equals(n.getNodeName())) {
                        return n.getTextContent().strip();
                    }
                }
                return "";
            }
        };
    }

    /** Throttles about {@code share} of the EC2 calls (seeded, so a run can be repeated) with RequestLimitExceeded. */
    public static Rule throttle(double share, long seed) {
        java.util.Random random = new java.util.Random(seed);
        return new Rule() {
            @Override
            public Answer instead(Call call) {
                boolean hit;
                synchronized (random) {
                    hit = random.nextDouble() < share;
                }
                return "ec2".equals(call.service()) && hit
                        ? ec2Error(503, "RequestLimitExceeded", "Request limit exceeded.") : null;
            }
        };
    }

    /**
     * Makes the endpoint(s) of DescribeVpcEndpoints answers that describe them by id appear in {@code state} the
     * first {@code times} times they are asked for (moto makes every endpoint {@code available} at once).
     */
    public static Rule stateOfPolledEndpoints(String state, int times, Predicate<String> body) {
        return new Rule() {
            private int left = times;

            @Override
            public synchronized String rewrite(Call call, String answer) {
                if (!call.is("DescribeVpcEndpoints") || call.param("VpcEndpointId.1") == null || !body.test(answer)
                        || left <= 0) {
                    return answer;
                }
                left--;
                return answer.replaceAll("<state>[A-Za-z]+</state>", "<state>" + state + "</state>");
            }
        };
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Call call = describe(exchange, body);
            calls.add(call);
            for (Rule rule : rules) {
                Answer answer = rule.instead(call);
                if (answer != null) {
                    reply(exchange, answer.status(), Map.of("Content-Type", List.of(answer.contentType())),
                            answer.body().getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
            for (Rule rule : rules) {
                Duration pause = rule.delay(call);
                if (!pause.isZero()) {
                    Thread.sleep(pause.toMillis());
                }
            }
            HttpResponse<byte[]> answer = forward.send(forwarded(exchange, body), HttpResponse.BodyHandlers.ofByteArray());
            for (Rule rule : rules) {
                Duration hold = rule.holdAnswer(call);
                if (!hold.isZero()) {
                    Thread.sleep(hold.toMillis());
                }
            }
            for (Rule rule : rules) {
                if (rule.dropAnswer(call)) {
                    // closing the exchange before any header is sent closes the connection: the caller sees it reset
                    return;
                }
            }
            byte[] out = answer.body();
            if (call.is("AssumeRole") && answer.statusCode() == 200 && call.param("RoleArn") != null) {
                Matcher key = ACCESS_KEY_ID.matcher(new String(out, StandardCharsets.UTF_8));
                String[] arn = call.param("RoleArn").split(":");
                if (key.find() && arn.length > 4) {
                    sessionAccounts.put(key.group(1), arn[4]);
                }
            }
            boolean text = answer.headers().firstValue("Content-Type").orElse("").contains("xml");
            if (text && !rules.isEmpty()) {
                String rewritten = new String(out, StandardCharsets.UTF_8);
                for (Rule rule : rules) {
                    rewritten = rule.rewrite(call, rewritten);
                }
                out = rewritten.getBytes(StandardCharsets.UTF_8);
            }
            reply(exchange, answer.statusCode(), answer.headers().map(), out);
            exchange.close();
            for (Rule rule : rules) {
                rule.afterAnswer(call);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpRequest forwarded(HttpExchange exchange, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return request.build();
    }

    private static void reply(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        headers.forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, new ArrayList<>(values));
            }
        });
        boolean empty = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Call describe(HttpExchange exchange, byte[] body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String service = "unknown";
        String region = "unknown";
        String accessKey = null;
        if (authorization != null) {
            Matcher scope = CREDENTIAL_SCOPE.matcher(authorization);
            if (scope.find()) {
                accessKey = scope.group(1);
                region = scope.group(2);
                service = scope.group(3);
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        boolean form = contentType != null && contentType.startsWith("application/x-www-form-urlencoded");
        if (form) {
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        // JSON-protocol services (AWS Organizations) name the operation in X-Amz-Target: "<prefix>.<Operation>"
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String action = target != null && target.contains(".") ? target.substring(target.lastIndexOf('.') + 1)
                : params.getOrDefault("Action", exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
        return new Call(System.nanoTime(), service, region, action, Map.copyOf(params), accessKey,
                form ? "" : new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
