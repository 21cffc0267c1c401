package io.vpcportal.aws;

import java.net.URI;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the portal reaches AWS. Credentials come only from the SDK's default provider chain; each account's
 * role is then assumed with its external id.
 *
 * @param mode           {@code auto}: apply when an endpoint or credentials are configured, else plan only;
 *                       {@code plan}: never call AWS; {@code apply}: always call AWS
 * @param endpoint       one endpoint for every service (an emulator such as moto); empty for real AWS
 * @param callsPerSecond the portal's own limit per account and region, shared by all its AWS calls
 */
@ConfigurationProperties("portal.aws")
public record AwsProperties(String mode, URI endpoint, Double callsPerSecond) {

    public AwsProperties {
        mode = mode == null || mode.isBlank() ? "auto" : mode.strip().toLowerCase(Locale.ROOT);
        callsPerSecond = callsPerSecond == null || callsPerSecond <= 0 ? 5.0 : callsPerSecond;
        if (!mode.equals("auto") && !mode.equals("plan") && !mode.equals("apply")) {
            throw new IllegalArgumentException("portal.aws.mode must be auto, plan or apply, not " + mode);
        }
    }
}
