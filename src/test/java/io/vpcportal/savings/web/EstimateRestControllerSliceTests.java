package io.vpcportal.savings.web;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.vpcportal.SignedIn;
import io.vpcportal.identity.Role;
import io.vpcportal.savings.SavingsManagement;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** How the estimate API refuses bad input: RFC 9457 problems naming each field, before the estimator is asked. */
@WebMvcTest(controllers = EstimateRestController.class)
class EstimateRestControllerSliceTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SavingsManagement savings;

    @Test
    void everyInvalidFieldIsNamed() throws Exception {
        mvc.perform(post("/api/v1/estimates").with(SignedIn.as(Role.REQUESTER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"region\":\"\",\"endpointType\":\"Interface\",\"enis\":99,\"monthlyGb\":-1}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("region", "enis", "monthlyGb")));
        verifyNoInteractions(savings);
    }

    @Test
    void anUnknownEndpointTypeIsAProblemNamingIt() throws Exception {
        mvc.perform(post("/api/v1/estimates").with(SignedIn.as(Role.REQUESTER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"region\":\"eu-west-1\",\"endpointType\":\"Tunnel\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("endpointType"))
                .andExpect(jsonPath("$.errors[0].message").value("has the wrong type or format"));
    }

    @Test
    void aBodyThatIsNotJsonIsAProblem() throws Exception {
        mvc.perform(post("/api/v1/estimates").with(SignedIn.as(Role.REQUESTER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"region\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Malformed request body"));
        verifyNoInteractions(savings);
    }
}
