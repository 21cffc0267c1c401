package io.vpcportal.notification;

import io.vpcportal.shared.UserId;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which kinds of mail each user gets: every kind unless the user turned it off. */
@Service
@Transactional(readOnly = true)
public class NotificationPreferences {

    private final JdbcClient jdbc;

    NotificationPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every kind, on or off, for {@code user}. */
    public Map<MailKind, Boolean> of(UserId user) {
        Set<MailKind> off = optedOut(user);
        Map<MailKind, Boolean> kinds = new EnumMap<>(MailKind.class);
        for (MailKind kind : MailKind.values()) {
            kinds.put(kind, !off.contains(kind));
        }
        return kinds;
    }

    public boolean wants(UserId user, MailKind kind) {
        return !optedOut(user).contains(kind);
    }

    /** Turns the given kinds on or off; kinds not named stay as they are. */
    @Transactional
    public Map<MailKind, Boolean> change(UserId user, Map<MailKind, Boolean> kinds) {
        kinds.forEach((kind, on) -> {
            if (Boolean.TRUE.equals(on)) {
                jdbc.sql("delete from notification_opt_out where user_id = :user and kind = :kind")
                        .param("user", user.value()).param("kind", kind.name()).update();
            } else {
                jdbc.sql("insert into notification_opt_out (user_id, kind) values (:user, :kind) on conflict do nothing")
                        .param("user", user.value()).param("kind", kind.name()).update();
            }
        });
        return of(user);
    }

    private Set<MailKind> optedOut(UserId user) {
        return new HashSet<>(jdbc.sql("select kind from notification_opt_out where user_id = :user")
                .param("user", user.value()).query((rs, row) -> MailKind.valueOf(rs.getString(1))).list());
    }
}
