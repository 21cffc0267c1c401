package io.vpcportal.audit.internal;

import org.springframework.data.repository.Repository;

/** Insert only: the trail is append-only, so nothing here updates or deletes (and PostgreSQL would refuse). */
public interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);
}
