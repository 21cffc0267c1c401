package io.vpcportal.notification;

import java.net.URI;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the portal is reached from outside ({@code portal.base-url}): e-mails and chat messages link to pages
 * under it. Set it to the address users open (the load balancer's), as the portal cannot know it from a
 * scheduled task.
 */
@ConfigurationProperties("portal")
public record PortalLinks(@DefaultValue("http://localhost:8080") URI baseUrl) {

    public PortalLinks {
        String scheme = baseUrl == null ? null : baseUrl.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("portal.base-url must be an absolute http(s) URL, such as "
                    + "https://vpc-portal.example.com");
        }
    }

    public String request(UUID requestId) {
        return base() + "/requests/" + requestId;
    }

    public String approval(UUID requestId) {
        return base() + "/approvals/" + requestId;
    }

    public String page(String path) {
        return base() + path;
    }

    private String base() {
        String text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
