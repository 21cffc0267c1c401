package io.vpcportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Assertions on RFC 9457 answers of the API. */
public final class Problems {

    private Problems() {
    }

    /** The answer is {@code status} with an {@code application/problem+json} body that says the same status. */
    public static JsonNode assertProblem(PortalApi.Response response, int status) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        return assertProblemBody(response);
    }

    /** The answer has an {@code application/problem+json} body whose status and title match the answer. */
    public static JsonNode assertProblemBody(PortalApi.Response response) {
        assertThat(response.contentType()).as("content type of %s", response).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).as("status in the body of %s", response).isEqualTo(response.status());
        assertThat(problem.path("title").asString("")).as("title of %s", response).isNotBlank();
        return problem;
    }

    /** The {@code field} of each entry of the problem's {@code errors}. */
    public static List<String> errorFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    /** The message the problem's {@code errors} give for {@code field}, or null. */
    public static String errorMessage(JsonNode problem, String field) {
        for (JsonNode e : problem.path("errors")) {
            if (field.equals(e.path("field").asString())) {
                return e.path("message").asString();
            }
        }
        return null;
    }
}
