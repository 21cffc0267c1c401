package io.vpcportal.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpcportal.catalog.PolicyChoice;
import io.vpcportal.platform.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A template read from the API states its default policy as the constant's name ({@code "ORGANIZATION"}); written
 * back as it was read, the edit is accepted, as is the key the forms and requests use ({@code "organization"}).
 */
class TemplatePayloadTests {

    private static TemplatePayload withDefaultPolicy(String defaultPolicy) {
        return new TemplatePayload("AWS Glue", "d", "Analytics", List.of("eu-west-1"), defaultPolicy, false,
                List.of(new TemplatePayload.Field("subnetIds", "Subnets", true, null, null)));
    }

    @Test
    void theDefaultPolicyIsReadInTheSpellingTheApiAnswersAndInTheKeyOfTheForms() {
        for (PolicyChoice choice : PolicyChoice.values()) {
            assertThat(withDefaultPolicy(choice.name()).toChange().defaultPolicy()).as(choice.name()).isEqualTo(choice);
            assertThat(withDefaultPolicy(choice.key()).toChange().defaultPolicy()).as(choice.key()).isEqualTo(choice);
        }
    }

    @Test
    void anyOtherSpellingIsAFieldError() {
        for (String wrong : List.of("Organization", "organisation", "ORGANIZATION ", "full_access")) {
            assertThatThrownBy(() -> withDefaultPolicy(wrong).toChange()).as(wrong)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("defaultPolicy"));
        }
    }
}
