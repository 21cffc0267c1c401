package io.vpcportal.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides once whether the portal calls AWS or only plans. In {@code auto} mode it calls AWS when an endpoint
 * is configured or the default credential chain has a source it can see without network calls (environment,
 * system properties, profile files, web identity, container credentials). On EC2 instance roles, set
 * {@code portal.aws.mode=apply}.
 */
@Component
public class AwsAccess {

    private static final Logger log = LoggerFactory.getLogger(AwsAccess.class);

    private final boolean apply;

    AwsAccess(AwsProperties properties) {
        this.apply = switch (properties.mode()) {
            case "plan" -> false;
            case "apply" -> true;
            default -> properties.endpoint() != null || credentialsVisible();
        };
        log.info(apply ? "AWS calls enabled{}" : "Plan-only mode: the portal computes provisioning plans but calls no AWS API{}",
                properties.endpoint() == null ? "" : " against " + properties.endpoint());
    }

    public boolean applies() {
        return apply;
    }

    private static boolean credentialsVisible() {
        return present(System.getenv("AWS_ACCESS_KEY_ID")) || present(System.getProperty("aws.accessKeyId"))
                || present(System.getenv("AWS_PROFILE")) || present(System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE"))
                || present(System.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"))
                || present(System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".aws", "credentials"));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
