package io.vpcportal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The portal's JVM defaults for a small machine live in four places (the {@code pom.xml} for
 * {@code ./mvnw spring-boot:run}, the {@code Dockerfile} for the image, and the two benchmark scripts that measure
 * them) and are documented in {@code docs/operations.md}: they must be the same flags everywhere, and this JDK must
 * accept every one of them. The container image's class data sharing archive is made by a training run without a
 * database (profile {@code cds-training}); {@code bench/startup.sh} measures a start with an archive made the same way.
 */
class JvmDefaultsTests {

    /** Added by the pom only: an older JDK 17 then ignores a flag it lacks instead of refusing to start. */
    private static final String IGNORE_UNKNOWN = "-XX:+IgnoreUnrecognizedVMOptions";

    @Test
    void theDefaultsAreTheSameInThePomTheImageAndTheBenchmarks() throws IOException {
        Set<String> pom = flags(find("pom.xml", "<jvmArguments>([^<]+)</jvmArguments>"));
        assertThat(pom).contains(IGNORE_UNKNOWN, "-Xmx256m", "-XX:TrimNativeHeapInterval=5000");
        pom.remove(IGNORE_UNKNOWN);
        assertThat(flags(find("Dockerfile", "ENV JAVA_TOOL_OPTIONS=\"([^\"]+)\""))).as("Dockerfile")
                .containsExactlyElementsOf(pom);
        for (String script : List.of("bench/startup.sh", "bench/run.sh", "bench/startup-ab.sh")) {
            assertThat(flags(find(script, "BENCH_JAVA_OPTS-(-[^}]+)}"))).as(script).containsExactlyElementsOf(pom);
        }
        String operations = Files.readString(Path.of("docs/operations.md"));
        for (String flag : pom) {
            assertThat(operations).as("docs/operations.md names " + flag).contains(flag);
        }
    }

    @Test
    void thisJdkAcceptsEveryDefault() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        Set<String> defaults = flags(find("pom.xml", "<jvmArguments>([^<]+)</jvmArguments>"));
        defaults.remove(IGNORE_UNKNOWN); // without it, an unknown flag stops the JVM
        command.addAll(defaults);
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes());
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(java.exitValue()).as(output).isZero();
    }

    @Test
    void theStartUpBenchmarkTrainsItsArchiveAsTheImageDoes() throws IOException {
        String script = Files.readString(Path.of("bench/startup.sh"));
        int imageWay = script.indexOf("the container image's way");
        assertThat(imageWay).as("bench/startup.sh measures the image's way").isPositive();
        for (String training : List.of(Files.readString(Path.of("Dockerfile")), script.substring(imageWay))) {
            assertThat(training).contains("-Dspring.context.exit=onRefresh", "--spring.profiles.active=cds-training");
        }
    }

    /** What the image's build relies on: with the profile, the context refreshes with no database anywhere. */
    @Test
    void theTrainingProfileRefreshesTheContextWithoutAnyDatabase() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path log = Files.createTempFile("cds-training", ".log");
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dspring.context.exit=onRefresh", "-cp", classpath, "io.vpcportal.PortalApplication",
                "--spring.profiles.active=cds-training")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(java.waitFor(240, TimeUnit.SECONDS)).as("the training run ends").isTrue();
            String output = Files.readString(log);
            assertThat(java.exitValue()).as(output).isZero();
            assertThat(output).doesNotContain("APPLICATION FAILED TO START", "Application run failed")
                    .contains("Connection to 127.0.0.1:1 refused");
        } finally {
            java.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static String find(String file, String regex) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(Files.readString(Path.of(file)));
        assertThat(m.find()).as(regex + " in " + file).isTrue();
        return m.group(1);
    }

    private static Set<String> flags(String line) {
        return new LinkedHashSet<>(Arrays.asList(line.trim().split("\\s+")));
    }
}
