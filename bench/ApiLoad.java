import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Request creation through the API: CLIENTS threads, each POSTing REQUESTS drafts with a bearer token, one
 * connection per client (HTTP/1.1 keep-alive). Prints "throughput_per_s p50_ms p99_ms errors".
 * Run: java bench/ApiLoad.java http://127.0.0.1:18431 50 40 token1,token2,...
 */
public class ApiLoad {

    static final String BODY = """
            {"team":"payments","accountId":"111111111111","region":"eu-west-1","vpcId":"vpc-0a1b2c3d4e5f60718",
             "title":"bench %d-%d","justification":"benchmark","expectedMonthlyGb":10,
             "items":[{"templateKey":"glue","subnetIds":["subnet-0a1b2c3d4e5f60718"],"securityGroupIds":["sg-0a1b2c3d"]}]}""";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int clients = Integer.parseInt(args[1]);
        int requests = Integer.parseInt(args[2]);
        String[] tokens = args[3].split(",");
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                start.await();
                for (int r = 0; r < requests; r++) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/requests"))
                            .header("Authorization", "Bearer " + tokens[client % tokens.length])
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(client, r))).build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - t0);
                    if (response.statusCode() != 201) {
                        if (errors.incrementAndGet() <= 3) {
                            System.err.println(response.statusCode() + " " + response.body());
                        }
                    }
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
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%.1f %.1f %.1f %d%n", sorted.size() / seconds, percentile(sorted, 50), percentile(sorted, 99),
                errors.get());
    }

    static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
