package io.vpcportal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;

/**
 * The AWS SDK for Java speaks Smithy RPC v2 CBOR to CloudWatch; moto 5.2 only understands CloudWatch's JSON and query
 * protocols. This bridge takes the SDK's CBOR calls ({@code POST /service/GraniteServiceVersion20100801/operation/Op}),
 * sends them to moto as JSON ({@code X-Amz-Target: GraniteServiceVersion20100801.Op}) with the caller's signature
 * headers (moto reads the account from them), and answers in CBOR. Timestamps of answers are dropped: the portal
 * reads only values, and moto's JSON gives them without the CBOR time tag the SDK expects.
 */
public final class CloudWatchCborBridge {

    private static final String PREFIX = "/service/GraniteServiceVersion20100801/operation/";
    private static final Set<String> SKIPPED_HEADERS = Set.of("host", "content-length", "content-type", "connection",
            "smithy-protocol", "accept", "expect", "transfer-encoding", "upgrade");
    private static final CBORFactory CBOR = new CBORFactory();
    private static final JsonFactory JSON = new JsonFactory();
    private static CloudWatchCborBridge instance;

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI moto;

    private CloudWatchCborBridge(URI moto) throws IOException {
        this.moto = moto;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "cloudwatch-bridge");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The bridge in front of the shared moto server. */
    public static synchronized CloudWatchCborBridge shared() {
        if (instance == null) {
            try {
                instance = new CloudWatchCborBridge(MotoServer.shared().endpoint());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.startsWith(PREFIX)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String operation = path.substring(PREFIX.length());
            byte[] json = convert(CBOR, exchange.getRequestBody().readAllBytes(), JSON, false);
            HttpRequest.Builder forward = HttpRequest.newBuilder(moto.resolve("/"))
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .header("X-Amz-Target", "GraniteServiceVersion20100801." + operation)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.length == 0 ? "{}".getBytes() : json));
            for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
                if (!SKIPPED_HEADERS.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    h.getValue().forEach(v -> forward.header(h.getKey(), v));
                }
            }
            HttpResponse<byte[]> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] cbor = convert(JSON, answer.body(), CBOR, true);
            exchange.getResponseHeaders().add("Content-Type", "application/cbor");
            exchange.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
            exchange.sendResponseHeaders(answer.statusCode(), cbor.length == 0 ? -1 : cbor.length);
            if (cbor.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(cbor);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies a document between the two formats, leaving out "Timestamps" fields when asked. */
    private static byte[] convert(JsonFactory from, byte[] body, JsonFactory to, boolean dropTimestamps)
            throws IOException {
        if (body.length == 0) {
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonParser parser = from.createParser(body); JsonGenerator generator = to.createGenerator(out)) {
            while (parser.nextToken() != null) {
                if (dropTimestamps && parser.currentToken() == JsonToken.FIELD_NAME
                        && parser.currentName().equals("Timestamps")) {
                    parser.nextToken();
                    parser.skipChildren();
                    continue;
                }
                generator.copyCurrentEvent(parser);
            }
        }
        return out.toByteArray();
    }
}
