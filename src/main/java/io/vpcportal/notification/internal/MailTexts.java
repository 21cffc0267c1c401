package io.vpcportal.notification.internal;

import io.vpcportal.identity.Contact;
import io.vpcportal.notification.MailKind;
import io.vpcportal.notification.PortalLinks;
import io.vpcportal.request.RequestDetails;
import io.vpcportal.request.RequestStatus;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The words of each mail: plain text, the request's facts, one absolute link into the portal, and where to turn
 * the kind off. Subjects are one line: request titles cannot carry a line break into a mail header.
 */
@Component
class MailTexts {

    private static final String PREFIX = "[VPC Endpoint Portal] ";

    private final PortalLinks links;

    MailTexts(PortalLinks links) {
        this.links = links;
    }

    MailText approvalWaiting(Contact to, RequestDetails r, int stage, String team) {
        return new MailText(PREFIX + "Waiting for your decision: " + oneLine(r.title()),
                greeting(to) + "the request \"" + r.title() + "\" by " + r.requester() + " (team " + r.team()
                        + ") waits for a decision of team " + team + " (stage " + stage + ").\n\n"
                        + facts(r) + "\nReview it: " + links.approval(r.id()) + "\n"
                        + footer(MailKind.APPROVAL_WAITING, "you approve for team " + team));
    }

    MailText slaReminder(Contact to, RequestDetails r, int stage, String team, Duration sla, Duration waited) {
        return new MailText(PREFIX + "Reminder: past its " + sla.toHours() + " h SLA: " + oneLine(r.title()),
                greeting(to) + "the request \"" + r.title() + "\" by " + r.requester() + " has waited "
                        + waited.toHours() + " hours for a decision of team " + team + " (stage " + stage
                        + "); approvers should decide within " + sla.toHours() + " hours.\n\n"
                        + facts(r) + "\nReview it: " + links.approval(r.id()) + "\n"
                        + footer(MailKind.SLA_REMINDER, "you approve for team " + team));
    }

    MailText decided(Contact to, RequestDetails r, RequestStatus outcome, String by, String message) {
        String what = switch (outcome) {
            case APPROVED -> "approved";
            case REJECTED -> "rejected";
            default -> "sent back for changes";
        };
        return new MailText(PREFIX + "Your request was " + what + ": " + oneLine(r.title()),
                greeting(to) + "your request \"" + r.title() + "\" was " + what + (by == null ? "" : " by " + by)
                        + ".\n" + note(message) + "\n" + facts(r) + "\nOpen it: " + links.request(r.id()) + "\n"
                        + footer(MailKind.REQUEST_DECIDED, "you asked for it"));
    }

    MailText provisioned(Contact to, RequestDetails r, String message) {
        return new MailText(PREFIX + "Your endpoints are ready: " + oneLine(r.title()),
                greeting(to) + "your request \"" + r.title() + "\" is provisioned: its endpoints are available.\n"
                        + note(message) + "\n" + facts(r) + "\nOpen it: " + links.request(r.id()) + "\n"
                        + footer(MailKind.REQUEST_PROVISIONED, "you asked for it"));
    }

    MailText failed(Contact to, RequestDetails r, String message) {
        return new MailText(PREFIX + "Provisioning failed: " + oneLine(r.title()),
                greeting(to) + "provisioning your request \"" + r.title() + "\" failed.\n" + note(message) + "\n"
                        + facts(r) + "\nSee what happened: " + links.request(r.id()) + "\n"
                        + footer(MailKind.REQUEST_FAILED, "you asked for it"));
    }

    private static String greeting(Contact to) {
        return "Hello " + to.displayName() + ",\n\n";
    }

    private static String facts(RequestDetails r) {
        return "Account: " + r.accountId() + ", region " + r.region() + (r.vpcId() == null ? "" : ", VPC " + r.vpcId())
                + "\nStatus: " + r.status() + "\n";
    }

    private static String note(String message) {
        return message == null || message.isBlank() ? "" : "\n" + message + "\n";
    }

    private String footer(MailKind kind, String why) {
        return "\n--\nYou get this mail because " + why + ". Turn \"" + kind.label() + "\" off on "
                + links.page("/me") + "\n";
    }

    static String oneLine(String text) {
        String line = text == null ? "" : text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
