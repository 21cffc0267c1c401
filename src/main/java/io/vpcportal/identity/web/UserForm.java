package io.vpcportal.identity.web;

import io.vpcportal.identity.Role;
import java.util.ArrayList;
import java.util.List;

/** The admin form for a user: new users need a username and a password; edits leave the password empty. */
public class UserForm {

    private String username;
    private String displayName;
    private String password;
    private String email;
    private List<Role> roles = new ArrayList<>(List.of(Role.REQUESTER));
    private List<String> teams = new ArrayList<>();
    private boolean enabled = true;

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public List<Role> getRoles() { return roles; }
    public void setRoles(List<Role> roles) { this.roles = roles; }
    public List<String> getTeams() { return teams; }
    public void setTeams(List<String> teams) { this.teams = teams; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
