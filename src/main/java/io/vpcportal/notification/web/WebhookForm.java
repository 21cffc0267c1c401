package io.vpcportal.notification.web;

import io.vpcportal.notification.WebhookChange;
import io.vpcportal.notification.WebhookFormat;
import io.vpcportal.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The "new webhook" form; an empty secret lets the portal generate one. */
public class WebhookForm {

    private String name;
    private String url;
    private List<String> eventTypes = new ArrayList<>();
    private String secret;
    private String format = WebhookFormat.PORTAL_JSON.name();

    WebhookChange toChange() {
        WebhookFormat layout = WebhookFormat.parse(format).orElseThrow(() ->
                new InvalidInputException("format", "must be one of " + WebhookFormat.choices()));
        return new WebhookChange(name, url, new TreeSet<>(eventTypes == null ? List.of() : eventTypes), true, layout);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public List<String> getEventTypes() { return eventTypes; }
    public void setEventTypes(List<String> eventTypes) { this.eventTypes = eventTypes; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public String getSecret() { return secret; }
    public void setSecret(String secret) { this.secret = secret; }
}
