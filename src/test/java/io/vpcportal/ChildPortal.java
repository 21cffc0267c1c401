package io.vpcportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The portal in a JVM of its own (the test's class path, {@code PortalApplication}), on a PostgreSQL the test
 * started and an AWS endpoint the test chose (a {@link FaultyAwsProxy} in front of moto), so that a test can kill it
 * with SIGKILL and start it again, or run two of them side by side. Its output goes to {@code target/<name>.log}.
 * db-scheduler's dead-execution detection is made quick (heartbeat 1 s, 4 missed, as an operator would set it to
 * recover in seconds; the production default, 10 s × 4, takes over a dead instance's job after 40 to 60 s).
 */
public final class ChildPortal implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ChildPortal(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a portal (demo profile: its users and sandbox account) in apply mode against {@code aws}, and waits until
     * its health answers. {@code extra} arguments come last and so win over the defaults here.
     */
    public static ChildPortal start(String name, String jdbcUrl, URI aws, List<String> extra) throws IOException {
        int port = freePort();
        Path log = Path.of("target", name + ".log").toAbsolutePath();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "io.vpcportal.PortalApplication",
                "--spring.profiles.active=test,demo",
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--portal.aws.mode=apply",
                "--portal.aws.endpoint=" + aws,
                "--portal.aws.calls-per-second=50",
                "--portal.provisioning.poll-interval=200ms",
                "--portal.provisioning.initial-backoff=1s",
                "--db-scheduler.scheduler-name=" + name,
                "--db-scheduler.polling-interval=500ms",
                "--db-scheduler.heartbeat-interval=1s",
                "--db-scheduler.missed-heartbeats-limit=4"));
        command.addAll(extra);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "testing");
        env.put("AWS_SECRET_ACCESS_KEY", "testing");
        env.remove("AWS_PROFILE");
        ChildPortal child = new ChildPortal(name, builder.start(), port, log);
        try {
            child.awaitHealthy();
        } catch (RuntimeException | Error e) {
            child.process.destroyForcibly();
            throw e;
        }
        return child;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public PortalApi api() {
        return new PortalApi(port);
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("portal %s exited:\n%s", name, logTail()).isTrue();
            try {
                int status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(Duration.ofMillis(500));
        }
        throw new AssertionError("The portal " + name + " did not start within " + STARTUP + ":\n" + logTail());
    }

    /** SIGKILL: no shutdown hook, no graceful stop, jobs left claimed in the database. Safe to call twice. */
    public void kill() {
        process.destroyForcibly();
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s killed", name).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
