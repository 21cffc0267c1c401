import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Request creation through the API: CLIENTS threads, each POSTing REQUESTS drafts with a bearer token over a
 * keep-alive HTTP/1.1 connection of its own. Prints "throughput_per_s p50_ms p99_ms errors" for each run.
 *
 * <p>It speaks HTTP/1.1 over a plain socket (the request's bytes are built once per draft; the answer's status line,
 * headers and body, fixed-length or chunked, are read whole) rather than through {@code java.net.http.HttpClient}:
 * the bench shares two cores between the portal, PostgreSQL and this client, and the JDK's client spent about
 * 1.5 ms of CPU per request, as much as the portal itself, where pgbench's client of the floor spends a few
 * microseconds. An answer counts as an error unless it is a 201 whose body names the new request's {@code id}; so
 * does a connection the server breaks (the next request opens a new one).
 *
 * <p>Run once: {@code java bench/ApiLoad.java http://127.0.0.1:18431 50 40 token1,token2,...}. With {@code -} in
 * place of CLIENTS and REQUESTS it reads lines "CLIENTS REQUESTS" from standard input and answers each with a result
 * line, so warm-up and measured runs share one JVM (its CPU can be read between runs from {@code /proc}).
 */
public class ApiLoad {

    static final String BODY = """
            {"team":"payments","accountId":"111111111111","region":"eu-west-1","vpcId":"vpc-0a1b2c3d4e5f60718",
             "title":"bench %d-%d-%d","justification":"benchmark","expectedMonthlyGb":10,
             "items":[{"templateKey":"glue","subnetIds":["subnet-0a1b2c3d4e5f60718"],"securityGroupIds":["sg-0a1b2c3d"]}]}""";

    static final AtomicInteger RUN = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String[] tokens = args[3].split(",");
        if (args[1].equals("-")) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                String[] spec = line.trim().split("\\s+");
                if (spec.length == 2) {
                    System.out.println(run(base, Integer.parseInt(spec[0]), Integer.parseInt(spec[1]), tokens));
                    System.out.flush();
                }
            }
        } else {
            System.out.println(run(base, Integer.parseInt(args[1]), Integer.parseInt(args[2]), tokens));
        }
    }

    static String run(URI base, int clients, int requests, String[] tokens) throws Exception {
        int run = RUN.incrementAndGet();
        long[][] latencies = new long[clients][requests];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                Connection connection = new Connection(base);
                try {
                    start.await();
                    for (int r = 0; r < requests; r++) {
                        byte[] request = request(base, tokens[client % tokens.length], BODY.formatted(run, client, r));
                        long t0 = System.nanoTime();
                        String error;
                        try {
                            Answer answer = connection.exchange(request);
                            error = answer.status() == 201 && answer.body().contains("\"id\":\"") ? null
                                    : answer.status() + " " + answer.body();
                        } catch (IOException | RuntimeException e) {
                            connection.close(); // a broken or unreadable answer: the next request opens a new one
                            error = e.toString();
                        }
                        latencies[client][r] = System.nanoTime() - t0;
                        if (error != null && errors.incrementAndGet() <= 3) {
                            System.err.println(error);
                        }
                    }
                } finally {
                    connection.close();
                }
                return null;
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        long[] sorted = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return String.format("%.1f %.1f %.1f %d", sorted.length / seconds, percentile(sorted, 50),
                percentile(sorted, 99), errors.get());
    }

    static byte[] request(URI base, String token, String body) {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/requests HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nAccept: application/json"
                + "\r\nContent-Length: " + json.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(headBytes, headBytes.length + json.length);
        System.arraycopy(json, 0, all, headBytes.length, json.length);
        return all;
    }

    static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    record Answer(int status, String body) {
    }

    /** One keep-alive connection; opened again when the server closes it. */
    static final class Connection {
        private final URI base;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(URI base) {
            this.base = base;
        }

        Answer exchange(byte[] request) throws IOException {
            if (socket == null) {
                socket = new Socket();
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
                socket.setSoTimeout(60_000);
                in = new BufferedInputStream(socket.getInputStream(), 16_384);
                out = socket.getOutputStream();
            }
            out.write(request);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header; !(header = line()).isEmpty(); ) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase();
                String value = header.substring(colon + 1).trim().toLowerCase();
                switch (name) {
                    case "content-length" -> length = Integer.parseInt(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> close = value.contains("close");
                    default -> { }
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size; (size = Integer.parseInt(line().split(";")[0].trim(), 16)) > 0; ) {
                    body.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                body.write(in.readNBytes(length));
            }
            if (close) {
                close();
            }
            return new Answer(code, body.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) {
                    throw new EOFException("connection closed by the server");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
