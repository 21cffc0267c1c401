package io.vpcportal.savings;

import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the savings module.
 *
 * @param importFiles      offer files ({@code index.csv} or {@code index.json}) to import at start-up, as corrections of what is there
 * @param importThenExit   stop the portal once {@code importFiles} are imported (the import command)
 * @param collectCron      when the daily collection of yesterday's traffic runs (UTC), "-" to switch it off
 * @param cloudwatchEndpoint CloudWatch endpoint when it differs from {@code portal.aws.endpoint} (an emulator that
 *                         needs a protocol bridge); empty for AWS
 */
@ConfigurationProperties("portal.savings")
public record SavingsProperties(List<String> importFiles, boolean importThenExit, String collectCron,
        URI cloudwatchEndpoint) {

    public SavingsProperties {
        importFiles = importFiles == null ? List.of() : List.copyOf(importFiles);
        collectCron = collectCron == null || collectCron.isBlank() ? "0 30 3 * * *" : collectCron;
    }
}
