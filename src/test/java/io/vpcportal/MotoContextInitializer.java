package io.vpcportal;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the portal at the shared moto server, with the dummy credentials moto accepts. */
public class MotoContextInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MotoServer moto = MotoServer.shared();
        // the SDK's default chain reads these system properties; nothing is stored anywhere
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
        TestPropertyValues.of("portal.aws.endpoint=" + moto.endpoint(),
                "portal.savings.cloudwatch-endpoint=" + CloudWatchCborBridge.shared().endpoint()).applyTo(context);
    }
}
