package io.vpcportal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

    private static final Logger log = LoggerFactory.getLogger(PortalApplication.class);

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(PortalApplication.class);
        // -Dportal.startup.steps=N logs the N slowest start-up steps (bean creations, configuration phases) once
        // started: the measurement behind docs/operations.md's "where the seconds go"
        int steps = Integer.getInteger("portal.startup.steps", 0);
        BufferingApplicationStartup recorder = steps > 0 ? new BufferingApplicationStartup(100_000) : null;
        if (recorder != null) {
            application.setApplicationStartup(recorder);
        }
        application.run(args);
        if (recorder != null) {
            logSlowestSteps(recorder.getBufferedTimeline(), steps);
        }
    }

    private static void logSlowestSteps(StartupTimeline timeline, int count) {
        List<StartupTimeline.TimelineEvent> events = timeline.getEvents();
        String slowest = events.stream()
                .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
                .limit(count)
                .map(event -> "%6d ms  %s %s".formatted(event.getDuration().toMillis(),
                        event.getStartupStep().getName(), tags(event)))
                .collect(Collectors.joining("\n"));
        log.info("Slowest of {} start-up steps (a step's time includes the steps inside it):\n{}", events.size(),
                slowest);
    }

    private static String tags(StartupTimeline.TimelineEvent event) {
        Map<String, String> tags = StreamSupport.stream(event.getStartupStep().getTags().spliterator(), false)
                .collect(Collectors.toMap(tag -> tag.getKey(), tag -> tag.getValue(), (a, b) -> a));
        return tags.isEmpty() ? "" : tags.toString();
    }
}
