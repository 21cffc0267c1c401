package io.vpcportal.notification;

import io.vpcportal.notification.internal.MailDelivery;
import io.vpcportal.notification.internal.MailDeliveryRepository;
import io.vpcportal.notification.internal.MailServer;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.NotFoundException;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What admins see of e-mail: whether an SMTP server is configured, the recent mails and their state; retry. */
@Service
@Transactional(readOnly = true)
public class MailManagement {

    public static final int MAX_LIMIT = 200;

    /** The SMTP server as the admin page shows it: configured or not, and where (never credentials). */
    public record SmtpStatus(boolean configured, String server) {
    }

    private final MailServer server;
    private final MailDeliveryRepository mails;
    private final Clock clock;

    MailManagement(MailServer server, MailDeliveryRepository mails, Clock clock) {
        this.server = server;
        this.mails = mails;
        this.clock = clock;
    }

    public SmtpStatus smtp() {
        return new SmtpStatus(server.configured(), server.address().orElse(null));
    }

    /** The newest mails first. */
    public List<MailDeliverySummary> recent(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return mails.findAllByOrderByIdDesc(Limit.of(limit)).stream().map(MailDelivery::summary).toList();
    }

    /** Makes a FAILED mail due now, or gives a GIVING_UP one another attempt. */
    @Transactional
    public MailDeliverySummary retry(long id) {
        MailDelivery mail = mails.findById(id).orElseThrow(() -> new NotFoundException("No mail " + id));
        mail.retryNow(clock.instant());
        return mail.summary();
    }
}
