package io.vpcportal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    /** Computed outside Java: printf '%s' '1700000000.<body>' | openssl dgst -sha256 -hmac '<secret>'. */
    @Test
    void matchesOpenSslForTheTimestampDotBody() {
        assertThat(WebhookSignature.of("whsec-test-secret-0123456789", 1_700_000_000L,
                "{\"id\":\"x\",\"type\":\"request.submitted\"}"))
                .isEqualTo("sha256=4dcad96f86d5d69d89b42338e4ee4aa650a9e8d86bd95388849185e69adc53f1");
    }

    @Test
    void anotherTimestampOrSecretGivesAnotherSignature() {
        String body = "{\"id\":\"x\"}";
        String signature = WebhookSignature.of("secret-one-0123456789", 1L, body);
        assertThat(WebhookSignature.of("secret-one-0123456789", 2L, body)).isNotEqualTo(signature);
        assertThat(WebhookSignature.of("secret-two-0123456789", 1L, body)).isNotEqualTo(signature);
        assertThat(WebhookSignature.of("secret-one-0123456789", 1L, body + " ")).isNotEqualTo(signature);
    }
}
