package io.vpcportal.identity.web;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final boolean demo;

    LoginController(Environment environment) {
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demo", demo);
        return "identity/login";
    }
}
