package io.vpcportal;

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
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The moto server (the AWS emulator) as a real process, one per test JVM. A missing moto is a failure that
 * says how to install it, never a skipped test.
 */
public final class MotoServer {

    private static MotoServer instance;

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static synchronized MotoServer shared() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance.process::destroy));
        }
        return instance;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Forgets everything moto holds (all accounts, all regions). */
    public void reset() {
        send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static MotoServer start() {
        Path executable = find().orElseThrow(() -> new IllegalStateException(
                "moto_server was not found. Install it with 'pip install \"moto[server]==5.2.1\"' (Python 3.9+), "
                        + "or set MOTO_SERVER to its path. It is looked up on PATH and under ~/.pyenv/versions/*/bin."));
        int port = freePort();
        try {
            Path log = Files.createTempFile("moto-", ".log");
            Process process = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            MotoServer server = new MotoServer(process, endpoint);
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("moto_server exited: " + Files.readString(log));
                }
                try {
                    if (server.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).GET()) == 200) {
                        return server;
                    }
                } catch (RuntimeException notYet) {
                    // still starting
                }
                Thread.sleep(200);
            }
            process.destroy();
            throw new IllegalStateException("moto_server did not answer within 30 s: " + Files.readString(log));
        } catch (IOException e) {
            throw new IllegalStateException("Could not start moto_server from " + executable, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("MOTO_SERVER");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                candidates.add(Path.of(dir, "moto_server"));
            }
        }
        Path pyenv = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
        if (Files.isDirectory(pyenv)) {
            try (Stream<Path> versions = Files.list(pyenv)) {
                versions.sorted().forEach(v -> candidates.add(v.resolve("bin").resolve("moto_server")));
            } catch (IOException ignored) {
                // no pyenv versions to look at
            }
        }
        return candidates.stream().filter(Files::isExecutable).filter(p -> !p.toString().contains("/shims/")).findFirst();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
