package io.vpcportal.request.internal;

import io.vpcportal.shared.TeamId;
import io.vpcportal.shared.UserId;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a request row needs to exist first, for the repository slices: a team, its users and an account. */
final class RequestTestData {

    private RequestTestData() {
    }

    /** The team, each user (username to id), and the account in eu-west-1 that the team may use. */
    static void seed(JdbcTemplate jdbc, TeamId team, String account, Map<String, UserId> users) {
        jdbc.update("insert into team (id, name) values (?, ?)", team.value(), "Team " + team.value());
        users.forEach((username, id) -> jdbc.update(
                "insert into portal_user (id, username, display_name) values (?, ?, ?)", id.value(), username,
                username));
        jdbc.update("insert into aws_account (id, name, regions) values (?, ?, '{eu-west-1}')", account,
                "account " + account);
        jdbc.update("insert into aws_account_team (account_id, team_id) values (?, ?)", account, team.value());
    }
}
