package io.vpcportal.audit.web;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.vpcportal.SignedIn;
import io.vpcportal.audit.AuditTrail;
import io.vpcportal.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The audit API's refusals as RFC 9457 problems: a parameter of the wrong format, and a user who is not an admin
 * (method security switched on here, as the identity module's security configuration does in the portal).
 */
@WebMvcTest(controllers = AuditRestController.class)
@Import(AuditRestControllerSliceTests.MethodSecurity.class)
class AuditRestControllerSliceTests {

    @TestConfiguration
    @EnableMethodSecurity
    static class MethodSecurity {
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuditTrail trail;

    @Test
    void aFromThatIsNotAnInstantIsAProblemNamingIt() throws Exception {
        mvc.perform(get("/api/v1/audit").param("from", "yesterday").with(SignedIn.as(Role.ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[0].message").value("has the wrong type or format"));
        verifyNoInteractions(trail);
    }

    @Test
    void aRequesterIsForbiddenWithAProblem() throws Exception {
        mvc.perform(get("/api/v1/audit").with(SignedIn.as(Role.REQUESTER, Role.APPROVER)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
        verifyNoInteractions(trail);
    }
}
