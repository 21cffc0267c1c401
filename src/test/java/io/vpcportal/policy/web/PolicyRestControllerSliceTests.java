package io.vpcportal.policy.web;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.vpcportal.SignedIn;
import io.vpcportal.account.AccountManagement;
import io.vpcportal.identity.Role;
import io.vpcportal.policy.PolicyManagement;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The policy API's refusals of bad bodies as RFC 9457 problems naming the field. */
@WebMvcTest(controllers = PolicyRestController.class)
class PolicyRestControllerSliceTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PolicyManagement policies;
    @MockitoBean
    AccountManagement accounts;

    @Test
    void aValidationWithoutDocumentOrKindNamesBoth() throws Exception {
        mvc.perform(post("/api/v1/policies/validate").with(SignedIn.as(Role.REQUESTER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"document\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("document", "kind")))
                .andExpect(jsonPath("$.errors[?(@.field == 'kind')].message").value("must be ENDPOINT or BUCKET"));
        verifyNoInteractions(policies);
    }

    @Test
    void anUnknownPropertyIsNamed() throws Exception {
        mvc.perform(post("/api/v1/policies/validate").with(SignedIn.as(Role.REQUESTER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"document\":\"{}\",\"kind\":\"ENDPOINT\",\"surprise\":true}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("surprise"))
                .andExpect(jsonPath("$.errors[0].message").value("is not a known property"));
        verifyNoInteractions(policies);
    }
}
