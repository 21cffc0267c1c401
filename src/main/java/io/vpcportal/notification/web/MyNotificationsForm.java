package io.vpcportal.notification.web;

import java.util.ArrayList;
import java.util.List;

/** The "my settings" form: the address mails go to and the kinds that stay on (checked boxes). */
public class MyNotificationsForm {

    private String email;
    private List<String> kinds = new ArrayList<>();

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public List<String> getKinds() { return kinds; }
    public void setKinds(List<String> kinds) { this.kinds = kinds; }
}
