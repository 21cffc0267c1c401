package io.vpcportal.audit.web;

import io.vpcportal.audit.AuditAction;
import io.vpcportal.audit.AuditFilter;
import io.vpcportal.audit.AuditPage;
import io.vpcportal.audit.AuditSubjectType;
import io.vpcportal.audit.AuditTrail;
import io.vpcportal.platform.InvalidInputException;
import io.vpcportal.platform.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The audit page for admins: filters, newest rows first, paging, and the same rows as a CSV download. */
@PageController
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

    private static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final AuditTrail trail;
    private final Clock clock;

    AuditController(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /** The filters as the page's form sends them; times are UTC, as a datetime-local input gives them. */
    record AuditQuery(String actor, String action, String subjectType, String subjectId, String from, String to,
            String cursor) {

        AuditFilter filter() {
            return new AuditFilter(actor, action, subjectType, subjectId, instant("from", from), instant("to", to));
        }

        private static Instant instant(String field, String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(field, "must be a date and time such as 2025-01-31T08:00");
            }
        }
    }

    @GetMapping("/audit")
    String page(@ModelAttribute("query") AuditQuery query, Model model) {
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("subjectTypes", AuditSubjectType.values());
        try {
            AuditPage page = trail.page(query.filter(), query.cursor(), PAGE_SIZE);
            model.addAttribute("rows", page.items());
            model.addAttribute("nextCursor", page.nextCursor());
        } catch (InvalidInputException e) {
            model.addAttribute("rows", List.of());
            model.addAttribute("failure", "Field '" + e.violations().get(0).field() + "' "
                    + e.violations().get(0).message());
        }
        return "audit/index";
    }

    @GetMapping("/audit.csv")
    void export(@ModelAttribute("query") AuditQuery query, HttpServletResponse response) throws IOException {
        AuditFilter filter;
        try {
            filter = query.filter();
        } catch (InvalidInputException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.violations().get(0).field() + " "
                    + e.violations().get(0).message());
            return;
        }
        response.setContentType("text/csv; charset=UTF-8; header=present");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition",
                "attachment; filename=\"audit-" + FILE_TIME.format(clock.instant()) + ".csv\"");
        Writer writer = response.getWriter();
        AuditCsv csv = new AuditCsv(writer);
        csv.header();
        trail.forEach(filter, csv::row);
        writer.flush();
    }
}
