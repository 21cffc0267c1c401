package io.vpcportal.audit;

import io.vpcportal.platform.InvalidInputException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit trail newest first with keyset pagination on the row id: the cursor is the last id of a
 * page, so a page costs the same however deep it is, and rows written meanwhile never shift it.
 */
@Service
public class AuditTrail {

    public static final int MAX_LIMIT = 200;
    private static final int EXPORT_BATCH = 500;

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public AuditPage page(AuditFilter filter, String cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        List<AuditEntry> rows = query(filter, parseCursor(cursor), limit + 1);
        boolean more = rows.size() > limit;
        List<AuditEntry> items = more ? rows.subList(0, limit) : rows;
        return new AuditPage(List.copyOf(items), more ? Long.toString(items.get(items.size() - 1).id()) : null);
    }

    /** Every matching row, newest first, read in batches so that an export of any size needs little memory. */
    public void forEach(AuditFilter filter, Consumer<AuditEntry> sink) {
        Long after = null;
        List<AuditEntry> batch;
        do {
            batch = query(filter, after, EXPORT_BATCH);
            batch.forEach(sink);
            after = batch.isEmpty() ? null : batch.get(batch.size() - 1).id();
        } while (batch.size() == EXPORT_BATCH);
    }

    private List<AuditEntry> query(AuditFilter filter, Long beforeId, int rows) {
        StringBuilder sql = new StringBuilder("select id, occurred_at, actor, action, subject_type, subject_id, "
                + "before_state, after_state, detail from audit_event where true");
        List<Object> params = new ArrayList<>();
        condition(sql, params, " and actor = ?", filter.actor());
        condition(sql, params, " and action = ?", filter.action());
        condition(sql, params, " and subject_type = ?", filter.subjectType());
        condition(sql, params, " and subject_id = ?", filter.subjectId());
        if (filter.from() != null) {
            sql.append(" and occurred_at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        if (beforeId != null) {
            sql.append(" and id < ?");
            params.add(beforeId);
        }
        sql.append(" order by id desc limit ?");
        params.add(rows);
        return jdbc.sql(sql.toString()).params(params).query(AuditTrail::entry).list();
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(clause);
            params.add(value.strip());
        }
    }

    private static Long parseCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(cursor.strip());
            if (id < 1) {
                throw new NumberFormatException("not positive");
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("cursor", "is not a cursor this API returned");
        }
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("before_state"), rs.getString("after_state"), rs.getString("detail"));
    }
}
